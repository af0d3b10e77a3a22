namespace CivicConnect.Messaging.Live;

/// <summary>Topic names on the live feed. Payloads are small JSON documents (ids, not content).</summary>
public static class LiveTopics
{
    /// <summary>A report was filed or changed: <c>{"issueId":…,"department":"…"}</c>.</summary>
    public const string Issues = "issues";

    /// <summary>A hand-off was requested, claimed, released or closed: <c>{"handOffId":…}</c>.</summary>
    public const string HandOffs = "handoffs";

    /// <summary>A line was added to one hand-off's transcript (citizen or agent).</summary>
    public static string HandOff(long handOffId) => $"handoff:{handOffId}";

    /// <summary>The outbox changed (a row failed or was retried).</summary>
    public const string Outbox = "outbox";
}
