using CivicConnect.Channels.Media;
using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.DirectLine;
using CivicConnect.Intelligence.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Photos;

public sealed class SamePhotoFinderTests(DirectLineAppFactory app) : IClassFixture<DirectLineAppFactory>
{
    [Fact]
    public async Task FindAsync_SameJpegSentTwice_IsFlaggedWithTheOpenIssue_ADifferentPhotoIsNot()
    {
        var photo = SyntheticPhotos.Pothole(21);
        var issue = await IssueWithPhotoAsync(photo, IssueStatus.Received);

        var again = await StoreAsync(photo);
        var different = await StoreAsync(SyntheticPhotos.Pothole(22));

        var match = await FindAsync([again.Path]);
        Assert.NotNull(match);
        Assert.Equal(issue.Id, match.IssueId);
        Assert.Equal(issue.ReferenceNumber, match.ReferenceNumber);
        Assert.Equal(again.Path, match.NewPhotoPath);
        Assert.True(match.Similarity > 0.99, $"similarity {match.Similarity:0.000}");
        Assert.Null(await FindAsync([different.Path]));
    }

    [Fact]
    public async Task FindAsync_PhotoResavedSmallerByAMessenger_IsStillTheSamePhoto()
    {
        var photo = SyntheticPhotos.Graffiti(31);
        var issue = await IssueWithPhotoAsync(photo, IssueStatus.Assigned);

        var resaved = await StoreAsync(SyntheticPhotos.Resaved(photo, 400, 60));

        Assert.Equal(issue.Id, (await FindAsync([resaved.Path]))?.IssueId);
    }

    [Fact]
    public async Task FindAsync_PhotoOfAClosedIssueOrItsOwnIssue_IsNotFlagged()
    {
        var photo = SyntheticPhotos.Streetlight(41);
        var closed = await IssueWithPhotoAsync(photo, IssueStatus.Closed);
        var again = await StoreAsync(photo);
        Assert.Null(await FindAsync([again.Path]));

        var open = await IssueWithPhotoAsync(photo, IssueStatus.Received);
        Assert.Null(await FindAsync([again.Path], excludeIssueId: open.Id));
        Assert.NotEqual(closed.Id, open.Id);
    }

    [Fact]
    public async Task FindAsync_KeepsTheFeaturesOfIssuePhotos_AndSkipsUnreadableOnes()
    {
        var photo = SyntheticPhotos.Pothole(51);
        var issue = await IssueWithPhotoAsync(photo, IssueStatus.Received);
        var heic = await StoreAsync(TestImages.HeicWithGps());
        await using (var db = app.CreateDbContext())
        {
            db.IssueMedia.Add(new IssueMedia { IssueId = issue.Id, StoredPath = heic.Path, ContentType = heic.ContentType, SizeBytes = heic.SizeBytes, CreatedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        Assert.NotNull(await FindAsync([(await StoreAsync(photo)).Path]));
        Assert.Null(await FindAsync([heic.Path, "2026/01/01/missing.jpg"]));

        await using var check = app.CreateDbContext();
        var mediaIds = await check.IssueMedia.Where(m => m.IssueId == issue.Id).Select(m => m.Id).ToListAsync();
        var kept = await check.IssuePhotoFeatures.AsNoTracking().Where(f => mediaIds.Contains(f.IssueMediaId)).ToListAsync();
        Assert.Equal(2, kept.Count);
        Assert.Contains(kept, f => f.Features.Length == 512);
        Assert.Contains(kept, f => f.Features.Length == 0);
    }

    private async Task<SamePhotoMatch?> FindAsync(IReadOnlyList<string> paths, long? excludeIssueId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISamePhotoFinder>().FindAsync(paths, excludeIssueId, CancellationToken.None);
    }

    private async Task<StoredMedia> StoreAsync(byte[] photo) =>
        await app.Services.GetRequiredService<IMediaStore>().SaveImageAsync(new MemoryStream(photo), "photo.jpg", CancellationToken.None);

    private async Task<Issue> IssueWithPhotoAsync(byte[] photo, IssueStatus status)
    {
        var stored = await StoreAsync(photo);
        await using var db = app.CreateDbContext();
        var category = await db.ServiceCategories.FirstAsync(c => c.Code == "pothole");
        var issue = new Issue
        {
            CategoryId = category.Id,
            Priority = Priority.Normal,
            Status = status,
            Description = "test issue with a photo",
            Channel = "web",
            CreatedAt = app.Clock.GetUtcNow(),
            UpdatedAt = app.Clock.GetUtcNow(),
            Media = [new IssueMedia { StoredPath = stored.Path, ContentType = stored.ContentType, ThumbnailPath = stored.ThumbnailPath, SizeBytes = stored.SizeBytes, ExifStripped = true, CreatedAt = app.Clock.GetUtcNow() }],
        };
        db.Issues.Add(issue);
        await db.SaveChangesAsync();
        return issue;
    }
}
