using CivicConnect.Conversation.Ports;
using CivicConnect.Core.Telemetry;
using CivicConnect.Intelligence.Classification;

namespace CivicConnect.Conversation.Adapters;

/// <summary><see cref="IReportClassifier"/> answered by the registered <see cref="IClassifier"/> chain.</summary>
public sealed class ClassifierAdapter(IClassifier classifier) : IReportClassifier
{
    public async Task<ReportClassification> ClassifyAsync(string? text, string locale, IReadOnlyList<string> photoPaths, Guid conversationId, CancellationToken cancellationToken)
    {
        using var span = CivicTelemetry.Start("classify");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await classifier.ClassifyAsync(new ClassificationInput(text, locale, photoPaths, conversationId), cancellationToken);
        CivicTelemetry.ClassifierDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        span?.SetTag("civic.category", result.CategoryCode);
        return new ReportClassification(result.CategoryCode, result.Confidence, result.Candidates.Select(c => c.Code).ToList(), result.Priority, result.LocationText);
    }
}
