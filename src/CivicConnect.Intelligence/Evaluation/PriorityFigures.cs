using CivicConnect.Core.Issues;
using CivicConnect.Intelligence.Definitions;

namespace CivicConnect.Intelligence.Evaluation;

/// <summary>
/// Priority on the messages that have an expected one, next to what the category's default alone
/// would score (the labelled category's default priority, i.e. with the category always right and
/// no urgency read from the words). Urgent recall and precision say which way it errs: a missed
/// gas smell versus a false alarm that pages a crew at night.
/// </summary>
public sealed record PriorityFigures(int Count, double Accuracy, double DefaultBaseline, int UrgentExpected, int UrgentFound, int UrgentAnswered)
{
    public double UrgentRecall => UrgentExpected == 0 ? 0 : UrgentFound / (double)UrgentExpected;

    public double UrgentPrecision => UrgentAnswered == 0 ? 0 : UrgentFound / (double)UrgentAnswered;

    /// <returns>Null when no message has an expected priority.</returns>
    public static PriorityFigures? Of(IReadOnlyList<(LabelledExample Example, Classification.Classification Result)> answers, Func<string, Priority?> defaultPriority)
    {
        var rated = answers.Where(a => a.Example.ExpectedPriority is not null).ToList();
        if (rated.Count == 0)
        {
            return null;
        }

        return new PriorityFigures(
            rated.Count,
            rated.Count(a => a.Result.Priority == a.Example.ExpectedPriority) / (double)rated.Count,
            rated.Count(a => defaultPriority(a.Example.CategoryCode) == a.Example.ExpectedPriority) / (double)rated.Count,
            rated.Count(a => a.Example.ExpectedPriority == Priority.Urgent),
            rated.Count(a => a.Example.ExpectedPriority == Priority.Urgent && a.Result.Priority == Priority.Urgent),
            rated.Count(a => a.Result.Priority == Priority.Urgent));
    }
}
