using System.Text.Json.Serialization;

namespace CivicConnect.Conversation.Dialogs;

/// <summary><c>dialogs/intake.json</c>: the steps of the intake form, their order and limits.</summary>
/// <param name="PhotoLocationMaxAgeDays">A photo whose GPS fix is older than this shows where the camera was then, not the problem now: it is not offered.</param>
public sealed record IntakeDefinition(
    string Name,
    double IdleExpiryHours,
    double ResumeAfterHours,
    int MaxAttempts,
    double CategoryConfidence,
    IReadOnlyList<StepDefinition> Steps,
    double PhotoLocationMaxAgeDays = 7);

/// <param name="Id">The <see cref="Engine.Steps.IntakeStepAttribute"/> id of a step class ("description", "location", …).</param>
/// <param name="Required">Optional steps can be skipped by the citizen.</param>
/// <param name="Confirm">For the location step: ask "near X, ward N — right?" before accepting.</param>
public sealed record StepDefinition(string Id, bool Required = true, bool Confirm = true);

/// <summary><c>dialogs/{locale}.json</c>: every word the engine says or listens for in one language.</summary>
public sealed record LocaleText(
    string Locale,
    string LanguageName,
    IReadOnlyDictionary<string, string[]> Keywords,
    IReadOnlyDictionary<string, string> Messages);

/// <summary>A follow-up question, shaped like an Open311 service-definition attribute.</summary>
public sealed record FollowUpAttribute(
    string Code,
    AttributeDatatype Datatype,
    bool Required,
    int Order,
    IReadOnlyDictionary<string, string> Description,
    IReadOnlyList<AttributeValue>? Values = null);

public sealed record AttributeValue(
    string Key,
    IReadOnlyDictionary<string, string> Name,
    IReadOnlyDictionary<string, string[]>? Keywords = null);

[JsonConverter(typeof(JsonStringEnumConverter<AttributeDatatype>))]
public enum AttributeDatatype
{
    [JsonStringEnumMemberName("string")]
    String,
    [JsonStringEnumMemberName("number")]
    Number,
    [JsonStringEnumMemberName("datetime")]
    Datetime,
    [JsonStringEnumMemberName("text")]
    Text,
    [JsonStringEnumMemberName("singlevaluelist")]
    SingleValueList,
    [JsonStringEnumMemberName("multivaluelist")]
    MultiValueList,
}

public sealed record FollowUpFile(IReadOnlyDictionary<string, IReadOnlyList<FollowUpAttribute>> Categories);

/// <summary>Everything loaded from <c>dialogs/</c> at one moment; replaced as a whole when the files change.</summary>
public sealed record DialogSet(IntakeDefinition Intake, IReadOnlyDictionary<string, LocaleText> Locales, IReadOnlyDictionary<string, IReadOnlyList<FollowUpAttribute>> FollowUps)
{
    public IReadOnlyList<FollowUpAttribute> FollowUpsFor(string? categoryCode) =>
        categoryCode is not null && FollowUps.TryGetValue(categoryCode, out var list) ? list : [];
}
