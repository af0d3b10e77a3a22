using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Staff.Reports;

/// <summary>
/// The queue's reads run without parallel workers. With 100,000 reports PostgreSQL plans its scans of
/// <c>issues</c> as parallel ones, and on a small node serving many staff at once the workers only wait
/// for cores the other requests hold: under load the same count took 280 ms in parallel against 15 ms
/// alone (bench/README.md, "With 100,000 reports, and the queue under load"). For these statements only, in their own
/// transaction; inside a caller's transaction the caller's settings stand.
/// </summary>
internal static class SerialReads
{
    public static async Task<T> RunAsync<T>(CivicDbContext db, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await read();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0", cancellationToken);
        var result = await read();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
