using CivicConnect.Core.Hosting;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;
using CivicConnect.Intelligence.Evaluation;

namespace CivicConnect.Core.Tests.Classification;

/// <summary>The shipped definition, its evaluation set and both heads, built once for every test in the run.</summary>
internal static class ShippedModels
{
    public static readonly MiniLmTextEmbedder Embedder = new();

    private static readonly Lazy<ClassifierDefinition> LazyDefinition = new(() => ClassifierDefinitionLoader.Load(RepositoryPaths.Prompts));
    private static readonly Lazy<EmbeddingClassifierModel> LazyLinear = new(() => EmbeddingClassifierModel.Build(Definition, Embedder, new ClassifierOptions { Head = ClassifierHead.Linear }));
    private static readonly Lazy<EmbeddingClassifierModel> LazyKnn = new(() => EmbeddingClassifierModel.Build(Definition, Embedder, new ClassifierOptions { Head = ClassifierHead.Knn }));
    private static readonly Lazy<IReadOnlyList<LabelledExample>> LazyEvalSet = new(() => LabelledSetCsv.Read(Path.Combine(RepositoryPaths.Prompts, "eval", "messages.csv")));

    public static ClassifierDefinition Definition => LazyDefinition.Value;

    public static EmbeddingClassifierModel Linear => LazyLinear.Value;

    public static EmbeddingClassifierModel Knn => LazyKnn.Value;

    public static IReadOnlyList<LabelledExample> EvalSet => LazyEvalSet.Value;

    public static DefinitionClassifier Classifier(EmbeddingClassifierModel model) => new(model, Embedder);
}
