using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Evacuation.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock (https://www.sqlite.org/c3ref/busy_timeout.html), in steps of a
/// few milliseconds, instead of failing at once and being retried by the ADO.NET provider after a fixed 150 ms
/// sleep. SQLite has one writer at a time; fan-out, dispatchers and webhooks take turns at it many times a second.
/// The automatic checkpoint threshold is raised from 1,000 to 10,000 pages: the service checkpoints in the background
/// (Host/Storage/WalCheckpoints), and a writer checkpoints only if that falls far behind.
/// </summary>
sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    const string Pragma = "PRAGMA busy_timeout = 30000; PRAGMA wal_autocheckpoint = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
