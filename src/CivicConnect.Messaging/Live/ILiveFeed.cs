using CivicConnect.Data;

namespace CivicConnect.Messaging.Live;

/// <summary>
/// Tells every node's open pages that something changed (a new report, a citizen's message in a
/// hand-off). Built on PostgreSQL NOTIFY, so it crosses nodes and is transactional: an event
/// published inside the caller's transaction is delivered only if that transaction commits.
/// Delivery is best effort (a page that was not connected re-reads on load); the database stays
/// the record.
/// </summary>
public interface ILiveFeed
{
    /// <summary>Publishes on <paramref name="db"/>'s connection, inside its current transaction if one is open.</summary>
    Task PublishAsync(CivicDbContext db, string topic, string payload, CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="handler"/> for each event on <paramref name="topic"/> until the result is disposed.</summary>
    /// <remarks>Handlers run on the listener's thread: keep them short (a Blazor page calls InvokeAsync and returns).</remarks>
    IDisposable Subscribe(string topic, Func<LiveEvent, Task> handler);
}
