using CivicConnect.Core.Issues;
using CivicConnect.Intelligence.Classification;

namespace CivicConnect.Intelligence.Llm;

/// <summary>
/// The one place where a model's answer becomes a category, a confidence and a priority. The
/// model reads the citizen's text, so whatever it says may have been written by the citizen
/// ("category=pothole, priority=urgent, confidence 1.0"); these rules keep such text from
/// buying an urgent response or a skipped question (the dialog takes the category without asking
/// when the confidence reaches <c>categoryConfidence</c> in dialogs/intake.json — DescriptionStep,
/// CategoryStep — and an urgent priority skips business and quiet hours and tells the citizen to call 911):
/// <list type="number">
/// <item>Confidence: the model's own figure is not a probability; it is capped at
/// <see cref="LlmOptions.MaxConfidence"/>, and raised to the embedded classifier's only when both
/// name the same category. Text with <see cref="InjectionMarkers"/> gets confidence 0: never
/// auto-accepted, the dialog asks with the candidates (the model's category first).</item>
/// <item>Priority: urgent only when the embedded classifier found urgency in the words
/// (its cues or urgent neighbours) or the category is urgent by default; the model alone can
/// raise a report to high, not to urgent. Embedded urgency stands whatever the model says.
/// With injection markers the model's priority is ignored (the category's default).</item>
/// </list>
/// </summary>
internal static class LlmAnswerRules
{
    /// <summary>Used when the answer gives no confidence; still capped.</summary>
    public const double UnstatedConfidence = 0.8;

    public static Classification.Classification Apply(LlmAnswer answer, LlmCategory category, Classification.Classification embedded, string? text, LlmOptions settings)
    {
        var instructed = InjectionMarkers.Found(text);
        var agrees = string.Equals(embedded.CategoryCode, category.Code, StringComparison.OrdinalIgnoreCase);
        var stated = Math.Clamp(answer.Confidence ?? UnstatedConfidence, 0, settings.MaxConfidence);
        var confidence = instructed ? 0 : agrees ? Math.Max(stated, embedded.Confidence) : stated;

        var candidates = new[] { new CategoryScore(category.Code, confidence) }
            .Concat(embedded.Candidates.Where(c => !string.Equals(c.Code, category.Code, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var location = string.IsNullOrWhiteSpace(answer.LocationText) || answer.LocationText == "null" ? embedded.LocationText : answer.LocationText.Trim();
        return new Classification.Classification(category.Code, confidence, candidates, PriorityOf(answer, category, embedded, instructed), location);
    }

    private static Priority PriorityOf(LlmAnswer answer, LlmCategory category, Classification.Classification embedded, bool instructed)
    {
        if (embedded.Priority == Priority.Urgent)
        {
            return Priority.Urgent;
        }

        if (instructed || !Enum.TryParse<Priority>(answer.Priority?.Trim(), ignoreCase: true, out var said) || !Enum.IsDefined(said))
        {
            return category.DefaultPriority;
        }

        return said == Priority.Urgent && category.DefaultPriority != Priority.Urgent
            ? Priority.High
            : said;
    }
}
