namespace CivicConnect.Intelligence.Evaluation;

/// <summary>How a classifier did on a labelled set; serialises to JSON as is (the admin API returns it).</summary>
/// <param name="Accuracy">Share of messages given their labelled category (no answer counts as wrong).</param>
/// <param name="MacroF1">Mean F1 over the labelled categories, each weighing the same.</param>
/// <param name="PriorityAccuracy">Share right among the messages with an expected priority; null if none has one.</param>
/// <param name="Unanswered">Messages the classifier gave no category.</param>
/// <param name="Confusion">Rows: labelled category (<see cref="ConfusionLabels"/> order); columns: the answer, with a last column for no answer.</param>
public sealed record EvaluationReport(
    int Count,
    double Accuracy,
    double MacroF1,
    double? PriorityAccuracy,
    int Unanswered,
    IReadOnlyList<CategoryMetrics> Categories,
    IReadOnlyList<string> ConfusionLabels,
    IReadOnlyList<IReadOnlyList<int>> Confusion,
    double LatencyP50Ms,
    double LatencyP95Ms)
{
    /// <summary>Priority against the default-only baseline; set when the evaluation knows the categories' defaults.</summary>
    public PriorityFigures? PriorityFigures { get; init; }

    /// <summary>Tokens and failed calls; set when the classifier is a model behind an API.</summary>
    public TokenFigures? Tokens { get; init; }
}

public sealed record CategoryMetrics(string Code, double Precision, double Recall, double F1, int Support);
