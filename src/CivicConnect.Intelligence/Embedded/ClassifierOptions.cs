using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Intelligence.Embedded;

public enum ClassifierHead
{
    /// <summary>Multinomial logistic regression trained in-process over the example embeddings.</summary>
    Linear,

    /// <summary>Similarity-weighted vote of the k nearest labelled examples.</summary>
    Knn,

    /// <summary>The mean of both heads' probabilities.</summary>
    Both,
}

/// <summary>The <c>Classifier</c> section: which embedded head answers, and when it is too unsure to answer.</summary>
public sealed class ClassifierOptions
{
    public const string SectionName = "Classifier";

    /// <summary>Both measured best on the development sets and prompts/eval/messages.csv (figures in prompts/README.md).</summary>
    public ClassifierHead Head { get; set; } = ClassifierHead.Both;

    /// <summary>Neighbours the kNN head votes with, and examples the LLM prompt is shown.</summary>
    [Range(1, 50)]
    public int Neighbours { get; set; } = 8;

    /// <summary>
    /// Below this cosine similarity to every example and description the text is about nothing we
    /// know ("something is wrong on my street"): no category, no candidates, the dialog lists all.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinimumSimilarity { get; set; } = 0.3;

    /// <summary>
    /// Below this probability for the best category the message is too vague to suggest anything:
    /// no category and no candidates, so the dialog offers every category instead of poor guesses.
    /// Between this and the dialog's categoryConfidence (dialogs/intake.json) it offers choices.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinimumConfidence { get; set; } = 0.35;

    /// <summary>A runner-up is offered as a choice only with at least this probability.</summary>
    [Range(0.0, 1.0)]
    public double CandidateFloor { get; set; } = 0.08;

    /// <summary>
    /// Put French 311 words into English before embedding (MiniLM reads English only): French
    /// accuracy on the development sets rose from about 80 % to within 5 points of English.
    /// </summary>
    public bool TranslateFrench { get; set; } = true;
}
