using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Classification;

/// <summary>The trained classifier kept in PostgreSQL: built once per key, then loaded by anyone who asks.</summary>
public sealed class ClassifierArtifactsTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    [Fact]
    public async Task FirstBuild_TrainsAndKeepsIt_TheNextLoadsItWithoutEmbeddingAnExample()
    {
        var artifacts = app.Services.GetRequiredService<IClassifierArtifacts>();
        var definition = await app.Services.GetRequiredService<IClassifierDefinitionSource>().GetCurrentAsync(CancellationToken.None);
        var embedder = new CountingEmbedder(app.Services.GetRequiredService<ITextEmbedder>());
        var options = new ClassifierOptions { Head = ClassifierHead.Knn };
        var key = "test:" + Guid.NewGuid().ToString("N");

        var first = artifacts.Build(key, trained => EmbeddingClassifierModel.Build(definition, embedder, options, trained));
        var embeddedByTraining = embedder.Texts;
        var second = artifacts.Build(key, trained => EmbeddingClassifierModel.Build(definition, embedder, options, trained));

        Assert.False(first.Loaded);
        Assert.True(embeddedByTraining > 100, $"texts embedded: {embeddedByTraining}");
        Assert.True(second.Loaded);
        Assert.Equal(embeddedByTraining, embedder.Texts);
        Assert.Equal(first.Temperature, second.Temperature);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.TrainedClassifiers.CountAsync(t => t.Key == key));
    }

    private sealed class CountingEmbedder(ITextEmbedder inner) : ITextEmbedder
    {
        private int texts;

        public int Texts => texts;

        public int Dimensions => inner.Dimensions;

        public IReadOnlyList<float[]> Embed(IReadOnlyList<string> input, CancellationToken cancellationToken = default)
        {
            Interlocked.Add(ref texts, input.Count);
            return inner.Embed(input, cancellationToken);
        }
    }
}
