namespace CivicConnect.Core.Security;

/// <summary>The roles a staff token can carry (the <c>role</c> claim).</summary>
public static class CivicRoles
{
    /// <summary>Works requests of their own department.</summary>
    public const string Staff = "staff";

    /// <summary>Everything staff can do in every department, plus tuning (classifier, routing, outbox).</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Sees location, description and photos of assigned work, never the reporter's details.</summary>
    public const string FieldWorker = "field_worker";

    /// <summary>A 311 agent: answers citizens who asked for a person, on every department's hand-offs.</summary>
    public const string Agent = "agent";

    /// <summary>
    /// Triage staff (with <see cref="Staff"/>): also read the reports no department holds yet, to route them.
    /// Staff without it see only their own department's reports.
    /// </summary>
    public const string Triage = "triage";

    public static readonly IReadOnlyList<string> All = [Staff, Supervisor, FieldWorker, Agent, Triage];
}
