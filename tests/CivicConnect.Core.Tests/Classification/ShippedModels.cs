using CivicConnect.Core.Hosting;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;
using CivicConnect.Intelligence.Evaluation;

namespace CivicConnect.Core.Tests.Classification;

/// <summary>The shipped definition, its evaluation sets and the heads, built once for every test in the run.</summary>
internal static class ShippedModels
{
    public static readonly MiniLmTextEmbedder Embedder = new();

    /// <summary>Each head's build embeds the same thousand examples: embed them once for all three.</summary>
    private static readonly CachingEmbedder BuildEmbedder = new(Embedder);

    private static readonly Lazy<ClassifierDefinition> LazyDefinition = new(() => ClassifierDefinitionLoader.Load(RepositoryPaths.Prompts));
    private static readonly Lazy<EmbeddingClassifierModel> LazyLinear = new(() => EmbeddingClassifierModel.Build(Definition, BuildEmbedder, new ClassifierOptions { Head = ClassifierHead.Linear }));
    private static readonly Lazy<EmbeddingClassifierModel> LazyKnn = new(() => EmbeddingClassifierModel.Build(Definition, BuildEmbedder, new ClassifierOptions { Head = ClassifierHead.Knn }));
    private static readonly Lazy<EmbeddingClassifierModel> LazyBoth = new(() => EmbeddingClassifierModel.Build(Definition, BuildEmbedder, new ClassifierOptions { Head = ClassifierHead.Both }));
    private static readonly Lazy<IReadOnlyList<LabelledExample>> LazyEvalSet = new(() => LabelledSetCsv.Read(Path.Combine(RepositoryPaths.Prompts, "eval", "messages.csv")));
    private static readonly Lazy<IReadOnlyList<LabelledExample>> LazyHeldOut = new(() => LabelledSetCsv.Read(Path.Combine(RepositoryPaths.Prompts, "dev", "heldout.csv")));
    private static readonly Lazy<IReadOnlyList<LabelledExample>> LazyTuning = new(() => LabelledSetCsv.Read(Path.Combine(RepositoryPaths.Prompts, "dev", "tuning.csv")));

    public static ClassifierDefinition Definition => LazyDefinition.Value;

    public static EmbeddingClassifierModel Linear => LazyLinear.Value;

    public static EmbeddingClassifierModel Knn => LazyKnn.Value;

    /// <summary>The default head (<see cref="ClassifierOptions.Head"/>): both heads' probabilities averaged.</summary>
    public static EmbeddingClassifierModel Both => LazyBoth.Value;

    public static IReadOnlyList<LabelledExample> EvalSet => LazyEvalSet.Value;

    /// <summary>prompts/dev/heldout.csv: written before any tuning; only its aggregate figures guide changes.</summary>
    public static IReadOnlyList<LabelledExample> HeldOut => LazyHeldOut.Value;

    /// <summary>prompts/dev/tuning.csv: the development set whose errors examples and settings were tuned on.</summary>
    public static IReadOnlyList<LabelledExample> Tuning => LazyTuning.Value;

    public static DefinitionClassifier Classifier(EmbeddingClassifierModel model) => new(model, Embedder);
}
