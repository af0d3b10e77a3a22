using Microsoft.Extensions.Logging;

namespace CivicConnect.Data.UnitOfWork;

/// <summary>
/// Work that must wait until the scope's transaction has committed, because it acts outside the
/// database transaction (e.g. removing jobs from the Quartz store, which has its own connection).
/// Whoever owns the transaction runs the queue right after its commit and discards it on rollback,
/// so a rolled-back change never has side effects and a committed one always has them.
/// </summary>
/// <remarks>
/// One instance per scope (a request or a turn), like the <see cref="CivicDbContext"/> it follows.
/// Failures are logged, not thrown: the change is already durable, and the queued work must be safe
/// to miss (the escalation jobs, for one, check the issue again when they fire).
/// </remarks>
public sealed class AfterCommit(ILogger<AfterCommit> logger)
{
    private readonly List<Func<CancellationToken, Task>> pending = [];

    public int Count => pending.Count;

    public void Add(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        pending.Add(work);
    }

    /// <summary>The transaction rolled back: nothing queued may happen.</summary>
    public void Discard() => pending.Clear();

    /// <summary>The transaction committed: runs what was queued, in order, each once.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var work = pending.ToArray();
        pending.Clear();
        foreach (var item in work)
        {
            try
            {
                await item(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Work queued for after the commit failed; the committed change stands");
            }
        }
    }
}
