using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embeddings;

namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// A classifier built from one <see cref="ClassifierDefinition"/>: every example and category
/// description embedded once (one batch), a head trained over them, and the urgency cues.
/// Immutable after <see cref="Build"/>, so one instance serves every thread. It holds no
/// embedder: the caller embeds the message, so a cached model outlives any one embedder.
/// </summary>
public sealed class EmbeddingClassifierModel
{
    private readonly ICategoryHead head;
    private readonly TrainingSet set;
    private readonly LabelledExample?[] sources;
    private readonly UrgencyCues urgency;
    private readonly ClassifierOptions options;

    private EmbeddingClassifierModel(ClassifierDefinition definition, TrainingSet set, LabelledExample?[] sources, ICategoryHead head, ClassifierOptions options)
    {
        Definition = definition;
        this.set = set;
        this.sources = sources;
        this.head = head;
        this.options = options;
        urgency = new UrgencyCues(definition);
    }

    public ClassifierDefinition Definition { get; }

    public ClassifierHead Head => options.Head;

    /// <summary>The fitted softmax temperature (how the confidence is calibrated).</summary>
    public double Temperature => head.Temperature;

    public int ExampleCount => sources.Count(s => s is not null);

    /// <param name="trained">What an earlier build of the same model key computed (<see cref="Export"/>); used when its shape fits, else the model is embedded and trained.</param>
    public static EmbeddingClassifierModel Build(ClassifierDefinition definition, ITextEmbedder embedder, ClassifierOptions? options = null, TrainedClassifier? trained = null, CancellationToken cancellationToken = default)
    {
        options ??= new ClassifierOptions();
        if (definition.Categories.Count == 0)
        {
            throw new InvalidDataException("a classifier definition needs at least one category");
        }

        var index = definition.Categories.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.OrdinalIgnoreCase);
        var texts = new List<string>();
        var labels = new List<int>();
        var sources = new List<LabelledExample?>();
        foreach (var example in definition.Examples.Where(e => index.ContainsKey(e.CategoryCode)))
        {
            texts.Add(ForEmbedding(example.Text, options));
            labels.Add(index[example.CategoryCode]);
            sources.Add(example);
        }

        // Descriptions count as examples too: a category with few examples still has its meaning.
        foreach (var category in definition.Categories)
        {
            foreach (var description in category.Description.Values)
            {
                texts.Add(ForEmbedding(description, options));
                labels.Add(index[category.Code]);
                sources.Add(null);
            }
        }

        var classes = definition.Categories.Count;
        var fits = trained is not null && Fits(trained, texts.Count, classes, embedder.Dimensions, options.Head);
        var vectors = fits ? trained!.Vectors : embedder.Embed(texts, cancellationToken).ToArray();
        var set = new TrainingSet(vectors, labels.ToArray(), classes, embedder.Dimensions);
        LinearHead Linear() => fits ? new LinearHead(trained!.Weights!, trained.Bias!, trained.LinearTemperature) : new LinearHead(set, cancellationToken);
        KnnHead Knn() => fits ? new KnnHead(set, options.Neighbours, trained!.KnnTemperature) : new KnnHead(set, options.Neighbours);
        ICategoryHead head = options.Head switch
        {
            ClassifierHead.Knn => Knn(),
            ClassifierHead.Both => new BlendedHead(Linear(), Knn()),
            _ => Linear(),
        };
        return new EmbeddingClassifierModel(definition, set, sources.ToArray(), head, options) { Loaded = fits };
    }

    /// <summary>True when this model was loaded from a <see cref="TrainedClassifier"/> rather than embedded and trained.</summary>
    public bool Loaded { get; private init; }

    /// <summary>What this build computed, to be kept and loaded by the next node (<see cref="TrainedClassifier"/>).</summary>
    public TrainedClassifier Export() => head switch
    {
        BlendedHead blended => new TrainedClassifier(set.Vectors, blended.Linear.Weights, blended.Linear.Bias, blended.Linear.Temperature, blended.Knn.Temperature),
        LinearHead linear => new TrainedClassifier(set.Vectors, linear.Weights, linear.Bias, linear.Temperature, 0),
        _ => new TrainedClassifier(set.Vectors, null, null, 0, head.Temperature),
    };

    private static bool Fits(TrainedClassifier trained, int texts, int classes, int dimensions, ClassifierHead head) =>
        trained.Vectors.Length == texts
        && trained.Vectors.All(v => v.Length == dimensions)
        && (head == ClassifierHead.Knn || (trained.Weights is { } w && w.Length == classes && w.All(r => r.Length == dimensions) && trained.Bias?.Length == classes));

    /// <summary>Classifies one message; <paramref name="embed"/> turns the cleaned text into its vector.</summary>
    public Classification.Classification Classify(string? text, Func<string, float[]> embed)
    {
        var clean = InputText.Clean(text);
        var location = LocationTextExtractor.Extract(clean);
        if (!InputText.HasWords(clean))
        {
            return new Classification.Classification(null, 0, [], null, location);
        }

        var embedding = embed(ForEmbedding(clean, options));
        var urgent = urgency.Matches(clean) || IsUrgentByNeighbours(embedding);
        if (MaxSimilarity(embedding) < options.MinimumSimilarity)
        {
            return new Classification.Classification(null, 0, [], urgent ? Priority.Urgent : null, location);
        }

        var probabilities = head.Probabilities(embedding);
        var ranked = probabilities
            .Select((p, i) => new CategoryScore(Definition.Categories[i].Code, p))
            .OrderByDescending(s => s.Score)
            .ToList();
        var best = ranked[0];
        if (best.Score < options.MinimumConfidence)
        {
            return new Classification.Classification(null, best.Score, [], urgent ? Priority.Urgent : null, location);
        }

        var candidates = ranked.Where((s, i) => i == 0 || s.Score >= options.CandidateFloor).Take(5).ToList();
        var priority = urgent ? Priority.Urgent : Definition.Find(best.Code)!.DefaultPriority;
        return new Classification.Classification(best.Code, best.Score, candidates, priority, location);
    }

    /// <summary>
    /// The text as the model embeds it (French 311 words in English, see <see cref="FrenchVocabulary"/>):
    /// embed a message through this before comparing it with the model's example vectors.
    /// </summary>
    public string PrepareForEmbedding(string text) => ForEmbedding(text, options);

    private static string ForEmbedding(string text, ClassifierOptions options) =>
        options.TranslateFrench ? FrenchVocabulary.ToEnglish(text) : text;

    /// <summary>The labelled examples most similar to a message (few-shot examples for the LLM prompt).</summary>
    public IReadOnlyList<LabelledExample> Nearest(float[] embedding, int count) =>
        Enumerable.Range(0, set.Count)
            .Where(i => sources[i] is not null)
            .Select(i => (Example: sources[i]!, Similarity: Vectors.Cosine(embedding, set.Vectors[i])))
            .OrderByDescending(x => x.Similarity)
            .Take(count)
            .Select(x => x.Example)
            .ToList();

    private float MaxSimilarity(float[] embedding)
    {
        var max = float.MinValue;
        foreach (var vector in set.Vectors)
        {
            max = Math.Max(max, Vectors.Cosine(embedding, vector));
        }

        return max;
    }

    /// <summary>The closest labelled example and most of the next ones were urgent ("water gushing out of the road").</summary>
    private bool IsUrgentByNeighbours(float[] embedding)
    {
        var nearest = Enumerable.Range(0, set.Count)
            .Where(i => sources[i] is not null)
            .Select(i => (Similarity: Vectors.Cosine(embedding, set.Vectors[i]), Urgent: sources[i]!.ExpectedPriority == Priority.Urgent))
            .OrderByDescending(x => x.Similarity)
            .Take(UrgencyCues.Neighbours)
            .ToList();
        return nearest.Count > 0
            && nearest[0].Urgent
            && nearest[0].Similarity >= UrgencyCues.MinimumSimilarity
            && nearest.Count(n => n.Urgent) * 2 > nearest.Count;
    }
}
