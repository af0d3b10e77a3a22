namespace CivicConnect.Conversation.State;

/// <summary>
/// Everything the engine remembers about one conversation between turns. Serialised as one
/// jsonb document, loaded and saved once per turn; <see cref="SchemaVersion"/> lets an older
/// document be upgraded when it is read.
/// </summary>
public sealed class ConversationState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    /// <summary>Language of the conversation ("en", "fr"); null until the first message sets it.</summary>
    public string? Locale { get; set; }

    /// <summary>The report being made, if any.</summary>
    public IntakeDraft? Draft { get; set; }

    /// <summary>What the last question asked for (see <see cref="Awaiting"/>); null when nothing is pending.</summary>
    public string? Awaiting { get; set; }

    /// <summary>The question to go back to after an interruption that asked its own question (discard? resume?).</summary>
    public string? ReturnTo { get; set; }

    /// <summary>Values of the choices last offered, in order, so "2" can be mapped back.</summary>
    public List<Choice> OfferedChoices { get; set; } = [];

    /// <summary>Failed attempts at the current question.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>Reference numbers this conversation reported or joined, newest last.</summary>
    public List<int> References { get; set; } = [];
}

/// <summary>Names of the questions the engine can be waiting on.</summary>
public static class Awaiting
{
    public const string Description = "description";
    public const string Category = "category";
    public const string Location = "location";
    public const string LocationConfirm = "location-confirm";
    public const string LocationPick = "location-pick";
    public const string Duplicate = "duplicate";
    public const string FollowUpPrefix = "followup:";
    public const string Contact = "contact";
    public const string Confirm = "confirm";
    public const string Change = "change";
    public const string AbandonConfirm = "abandon-confirm";
    public const string Resume = "resume";
    public const string HandOff = "handoff";

    /// <summary>Nothing is asked: the reference number was just given, and "thanks" is read as a goodbye (see Engine/AfterReport).</summary>
    public const string AfterReport = "after-report";

    /// <summary>The citizen chose e-mail updates after the report: their address is asked for (see Engine/UpdatesOffer).</summary>
    public const string UpdatesEmail = "updates-email";
}
