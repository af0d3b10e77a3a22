using System.Diagnostics;

namespace CivicConnect.LoadGen;

/// <param name="Accepted">Messages acknowledged by the server (one sender each).</param>
/// <param name="Replied">Of those, how many senders got at least one reply.</param>
/// <param name="Lost">Acknowledged messages whose sender never got a reply.</param>
/// <param name="Duplicates">Replies that reached the provider more than once (same recipient, same body).</param>
/// <param name="Replies">Replies to these senders sent through the provider (answered 201).</param>
/// <param name="AllRepliedAfter">From the end of the load until the last sender had a reply; null if some never did.</param>
internal sealed record ExactlyOnceResult(int Accepted, int Replied, int Lost, int Duplicates, int Replies, TimeSpan? AllRepliedAfter)
{
    public bool Holds => Lost == 0 && Duplicates == 0 && Replied == Accepted;
}

/// <summary>
/// The drills' judge, at the provider stand-in: every acknowledged message has its reply, and no
/// reply was sent twice (per recipient and per body; each message has its own sender, so a second
/// identical reply to one number can only be a re-send).
/// </summary>
internal static class ExactlyOnce
{
    public static async Task<ExactlyOnceResult> JudgeAsync(IReadOnlyList<string> acceptedSenders, TwilioApiStandIn provider, TimeSpan patience)
    {
        var senders = acceptedSenders.ToHashSet(StringComparer.Ordinal);
        var waited = Stopwatch.StartNew();
        TimeSpan? allReplied = null;
        while (waited.Elapsed < patience)
        {
            if (senders.All(provider.HasRepliedTo))
            {
                allReplied = waited.Elapsed;

                // A re-send would come after the first copy: watch a little longer for one.
                await Task.Delay(TimeSpan.FromSeconds(5));
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        var mine = provider.Arrivals.Where(a => senders.Contains(a.To)).ToList();
        var duplicates = mine.Count - mine.Select(a => (a.To, a.Body)).Distinct().Count();
        var replied = senders.Count(provider.HasRepliedTo);
        return new ExactlyOnceResult(senders.Count, replied, senders.Count - replied, duplicates, mine.Count, allReplied);
    }

    /// <summary>Server log lines that mean a request or a background job died with an exception nobody handled.</summary>
    public static int UnhandledExceptionLines(IEnumerable<string> lines) =>
        lines.Count(l => l.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase)
            || l.Contains("An unhandled exception has occurred", StringComparison.Ordinal)
            || l.Contains("crit:", StringComparison.Ordinal));
}
