using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;

namespace CivicConnect.Core.Tests.Classification;

/// <summary>A classifier kept as bytes and loaded again answers exactly as the one that was trained, without embedding an example.</summary>
public sealed class TrainedClassifierTests
{
    [Fact]
    public async Task LoadedModel_AnswersTheEvaluationSetExactlyAsTheTrainedOne_AndEmbedsNoExample()
    {
        var trained = ShippedModels.Both;
        var bytes = trained.Export().ToBytes();
        var embedder = new RefusingEmbedder(ShippedModels.Embedder.Dimensions);

        var loaded = EmbeddingClassifierModel.Build(ShippedModels.Definition, embedder, new ClassifierOptions { Head = ClassifierHead.Both }, TrainedClassifier.FromBytes(bytes));

        Assert.True(loaded.Loaded);
        Assert.False(trained.Loaded);
        Assert.Equal(trained.Temperature, loaded.Temperature);
        foreach (var example in ShippedModels.EvalSet)
        {
            var input = new ClassificationInput(example.Text, example.Locale, []);
            var expected = await ShippedModels.Classifier(trained).ClassifyAsync(input, CancellationToken.None);
            var actual = await ShippedModels.Classifier(loaded).ClassifyAsync(input, CancellationToken.None);
            Assert.Equal(expected.CategoryCode, actual.CategoryCode);
            Assert.Equal(expected.Confidence, actual.Confidence);
            Assert.Equal(expected.Priority, actual.Priority);
        }
    }

    [Fact]
    public void BytesOfAnotherFormat_AreNotRead_SoTheNodeTrainsInstead()
    {
        Assert.Null(TrainedClassifier.FromBytes([9, 0, 0, 0]));
        var roundTrip = TrainedClassifier.FromBytes(new TrainedClassifier([[1f, 2f]], [[3f, 4f]], [5f], 0.5, 0.05).ToBytes())!;
        Assert.Equal([1f, 2f], roundTrip.Vectors[0]);
        Assert.Equal([3f, 4f], roundTrip.Weights![0]);
        Assert.Equal(0.05, roundTrip.KnnTemperature);
    }

    /// <summary>Fails the test if the build asks for any vector: a loaded model must not embed its examples.</summary>
    private sealed class RefusingEmbedder(int dimensions) : ITextEmbedder
    {
        public int Dimensions => dimensions;

        public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException($"a loaded model embedded {texts.Count} text(s)");
    }
}
