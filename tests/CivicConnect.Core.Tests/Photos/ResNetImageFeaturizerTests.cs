using CivicConnect.Integration.Tests.Photos;
using CivicConnect.Intelligence.Embeddings;
using CivicConnect.Intelligence.Photos;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace CivicConnect.Core.Tests.Photos;

public sealed class ResNetImageFeaturizerTests
{
    private static readonly ResNetImageFeaturizer Featurizer = new(Options.Create(new PhotoOptions()));

    [Fact]
    public void Featurize_Jpeg_GivesA512DimensionalUnitVector()
    {
        var features = Featurizer.Featurize(SyntheticPhotos.Pothole(1));

        Assert.Equal(512, features.Length);
        Assert.InRange(Vectors.Cosine(features, features), 0.999f, 1.001f);
        Assert.Contains(features, f => f != 0);
    }

    [Fact]
    public void Featurize_SamePictureResavedSmaller_IsAboveTheSamePhotoThresholdAndAnotherShotIsNot()
    {
        var original = SyntheticPhotos.Graffiti(7);
        var threshold = new PhotoOptions().SamePhotoSimilarity;

        var same = Vectors.Cosine(Featurizer.Featurize(original), Featurizer.Featurize(SyntheticPhotos.Resaved(original, 480, 70)));
        var otherShot = Vectors.Cosine(Featurizer.Featurize(original), Featurizer.Featurize(SyntheticPhotos.Graffiti(8)));

        Assert.True(same >= threshold, $"same picture: {same:0.000}");
        Assert.True(otherShot < threshold, $"another shot: {otherShot:0.000}");
    }

    [Fact]
    public void Featurize_ShotsOfOneScene_AreCloserThanShotsOfAnother()
    {
        var pothole = Featurizer.Featurize(SyntheticPhotos.Pothole(1));

        var samePothole = Vectors.Cosine(pothole, Featurizer.Featurize(SyntheticPhotos.Pothole(2)));
        var graffiti = Vectors.Cosine(pothole, Featurizer.Featurize(SyntheticPhotos.Graffiti(2)));
        var streetlight = Vectors.Cosine(pothole, Featurizer.Featurize(SyntheticPhotos.Streetlight(2)));

        Assert.True(samePothole > graffiti + 0.05, $"pothole/pothole {samePothole:0.000}, pothole/graffiti {graffiti:0.000}");
        Assert.True(samePothole > streetlight + 0.05, $"pothole/pothole {samePothole:0.000}, pothole/streetlight {streetlight:0.000}");
    }

    [Fact]
    public void Featurize_CorruptJpeg_ThrowsUnreadableImage()
    {
        var truncated = SyntheticPhotos.Pothole(3)[..200];
        var junk = new byte[4096];
        new Random(5).NextBytes(junk);

        Assert.Throws<UnreadableImageException>(() => Featurizer.Featurize(truncated));
        Assert.Throws<UnreadableImageException>(() => Featurizer.Featurize(junk));
        Assert.Throws<UnreadableImageException>(() => Featurizer.Featurize([]));
    }

    [Fact]
    public void Featurize_FortyMegapixelPhoto_GivesFeaturesAndAboveTheConfiguredLimitIsRefusedBeforeDecoding()
    {
        using var image = new Image<Rgb24>(8000, 5000, new Rgb24(110, 110, 110));
        var fortyMegapixels = SyntheticPhotos.Jpeg(image.Clone());

        Assert.Equal(512, Featurizer.Featurize(fortyMegapixels).Length);
        var limited = new ResNetImageFeaturizer(Options.Create(new PhotoOptions { MaxImagePixels = 20_000_000 }));
        var refused = Assert.Throws<UnreadableImageException>(() => limited.Featurize(fortyMegapixels));
        Assert.Contains("8000×5000", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Featurize_ManyThreadsAtOnce_GiveTheSameFeaturesAsOneThread()
    {
        var photo = SyntheticPhotos.Streetlight(4);
        var expected = Featurizer.Featurize(photo);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Featurizer.Featurize(photo))));

        Assert.All(results, r => Assert.InRange(Vectors.Cosine(expected, r), 0.9999f, 1.0001f));
    }
}
