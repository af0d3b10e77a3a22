using System.Net.Sockets;
using Npgsql;

namespace CivicConnect.Server.Hosting;

/// <summary>
/// Whether a request failed because PostgreSQL is restarting or unreachable rather than because of the
/// request or a bug. Such a request is answered 503 with Retry-After: Twilio, Meta and Direct Line clients
/// retry it, and nothing was stored (the inbox commit is what acknowledges a message).
/// </summary>
internal static class DatabaseUnavailable
{
    /// <summary>Seconds a client should wait; a fast PostgreSQL restart takes a few.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now; 08xxx connection exceptions.
                case PostgresException postgres when postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("08", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}
