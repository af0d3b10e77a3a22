using CivicConnect.Channels.Media;
using CivicConnect.Core.Security;
using CivicConnect.Integration.Tests.Admin;
using CivicConnect.Integration.Tests.DirectLine;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Intelligence.Classification;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Photos;

public sealed class PhotoClassificationTests(DirectLineAppFactory app) : IClassFixture<DirectLineAppFactory>
{
    [Fact]
    public async Task EmptyGallery_APhotoDoesNotChangeTheTextsResult()
    {
        var classifier = app.Services.GetRequiredService<IClassifier>();
        var photo = await StoreAsync(SyntheticPhotos.Pothole(61));

        foreach (var text in new[] { "big pothole on my street", "streetlight flickering all night", null })
        {
            var textOnly = await classifier.ClassifyAsync(new ClassificationInput(text, "en", []), CancellationToken.None);
            var withPhoto = await classifier.ClassifyAsync(new ClassificationInput(text, "en", [photo]), CancellationToken.None);

            Assert.Equal(textOnly.CategoryCode, withPhoto.CategoryCode);
            Assert.Equal(textOnly.Confidence, withPhoto.Confidence);
            Assert.Equal(textOnly.Candidates, withPhoto.Candidates);
            Assert.Equal(textOnly.Priority, withPhoto.Priority);
        }
    }

    [Fact]
    public async Task GalleryPhotos_CountOnceTheirVersionIsPublished_AndNoLongerAfterARollback()
    {
        var classifier = app.Services.GetRequiredService<IClassifier>();
        var admin = new AdminApi(app.CreateClientAs(CivicRoles.Supervisor));
        var before = (await admin.GetAsync("/admin/classifier/versions")).EnumerateArray().Single(v => v.GetProperty("state").GetString() == "published").GetProperty("id").GetInt32();
        var newPothole = await StoreAsync(SyntheticPhotos.Pothole(70));
        var newGraffiti = await StoreAsync(SyntheticPhotos.Graffiti(70));
        var photoOnly = (string path) => classifier.ClassifyAsync(new ClassificationInput(null, "en", [path]), CancellationToken.None);
        Assert.Null((await photoOnly(newPothole)).CategoryCode);

        for (var seed = 1; seed <= 3; seed++)
        {
            await admin.UploadPhotoAsync("pothole", SyntheticPhotos.Pothole(seed));
            await admin.UploadPhotoAsync("graffiti", SyntheticPhotos.Graffiti(seed));
        }

        var gallery = await admin.GetAsync("/admin/classifier/photos");
        Assert.Equal(6, gallery.GetArrayLength());
        Assert.Null((await photoOnly(newPothole)).CategoryCode);

        await admin.PublishAsync();
        var pothole = await photoOnly(newPothole);
        var graffiti = await photoOnly(newGraffiti);
        Assert.Equal("pothole", pothole.CategoryCode);
        Assert.Equal("graffiti", graffiti.CategoryCode);
        Assert.InRange(pothole.Confidence, 0.5, 1.0);

        // Clear words still decide when the photo shows something else.
        var both = await classifier.ClassifyAsync(new ClassificationInput("big pothole on my street, almost lost a tire", "en", [newGraffiti]), CancellationToken.None);
        Assert.Equal("pothole", both.CategoryCode);
        Assert.Contains(both.Candidates, c => c.Code == "graffiti");

        await admin.RollbackAsync(before);
        Assert.Null((await photoOnly(newPothole)).CategoryCode);
    }

    private async Task<string> StoreAsync(byte[] photo) =>
        (await app.Services.GetRequiredService<IMediaStore>().SaveImageAsync(new MemoryStream(photo), "photo.jpg", CancellationToken.None)).Path;
}
