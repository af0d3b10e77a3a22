using CivicConnect.Intelligence.Embeddings;

namespace CivicConnect.Core.Tests;

public sealed class MiniLmTextEmbedderTests
{
    private static readonly MiniLmTextEmbedder Embedder = new();

    [Fact]
    public void Embed_GivesUnitVectorsOf384Dimensions()
    {
        var vectors = Embedder.Embed(["deep pothole on 17 Ave SW", "graffiti on the underpass"]);

        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.InRange(Vectors.Cosine(v, v), 0.999f, 1.001f));
    }

    [Fact]
    public void Embed_PlacesSimilarReportsCloserThanUnrelatedOnes()
    {
        var v = Embedder.Embed(["huge pothole in the road damaged my tire", "big hole in the street near the school", "someone spray painted graffiti on the fence"]);

        Assert.True(Vectors.Cosine(v[0], v[1]) > Vectors.Cosine(v[0], v[2]) + 0.1f);
    }

    [Fact]
    public void Embed_BlankTextIsAZeroVectorSimilarToNothing()
    {
        var v = Embedder.Embed(["   ", "streetlight out"]);

        Assert.Equal(0f, Vectors.Cosine(v[0], v[1]));
    }

    [Fact]
    public void Embed_AVeryLongTextIsCutNotRefused()
    {
        var v = Embedder.Embed([string.Concat(Enumerable.Repeat("water main break flooding the road ", 500))]);

        Assert.InRange(Vectors.Cosine(v[0], v[0]), 0.999f, 1.001f);
    }
}
