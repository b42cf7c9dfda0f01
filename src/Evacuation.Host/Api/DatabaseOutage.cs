using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Evacuation.Host.Api;

/// <summary>
/// Whether a request failed because the database could not be reached (rather than a bug): such requests answer 503
/// with <c>Retry-After</c>, so a provider retries its webhook and an operator's tool tries again, and nothing was stored.
/// </summary>
public static class DatabaseOutage
{
    public const int RetryAfterSeconds = 5;

    public static bool Caused(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Connection classes: 08 (connection exception), 53 (insufficient resources: too many connections),
                // 57P (operator intervention: shutdown), 55000 (database does not allow connections).
                // https://www.postgresql.org/docs/current/errcodes-appendix.html
                case PostgresException p when p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("53", StringComparison.Ordinal)
                    || p.SqlState.StartsWith("57P", StringComparison.Ordinal) || p.SqlState == "55000":
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException or SocketException or TimeoutException:
                    return true;
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED past the busy timeout
                    return true;
            }
        }
        return false;
    }
}
