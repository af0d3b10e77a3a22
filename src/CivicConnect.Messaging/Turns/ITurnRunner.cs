namespace CivicConnect.Messaging.Turns;

/// <summary>
/// Runs a conversation's turns: what the inbox, the queued workers and the sweeper call once a
/// message is committed. The channels' turn processor implements it with the dialog engine, so the
/// message path never references the conversation or the adapters.
/// </summary>
public interface ITurnRunner
{
    /// <summary>Processes the conversation's unprocessed inbox messages, oldest first, in one transaction.</summary>
    /// <param name="skipLocked">Sweepers pass true: a conversation busy on another node is simply skipped.</param>
    /// <returns>The number of messages processed.</returns>
    Task<int> ProcessPendingAsync(string channel, string address, bool skipLocked, CancellationToken cancellationToken);
}
