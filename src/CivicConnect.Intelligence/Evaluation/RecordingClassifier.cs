using CivicConnect.Intelligence.Classification;

namespace CivicConnect.Intelligence.Evaluation;

/// <summary>
/// Passes every message through and keeps each answer in order, so one evaluation pass can also
/// be scored per locale and per confidence threshold without classifying the set again.
/// Not thread-safe: the evaluator classifies one message at a time.
/// </summary>
public sealed class RecordingClassifier(IClassifier inner) : IClassifier
{
    private readonly List<Classification.Classification> answers = [];

    /// <summary>The answers so far, in the order the messages were classified.</summary>
    public IReadOnlyList<Classification.Classification> Answers => answers;

    public async Task<Classification.Classification> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken)
    {
        var result = await inner.ClassifyAsync(input, cancellationToken);
        answers.Add(result);
        return result;
    }
}
