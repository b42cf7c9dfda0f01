using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Evacuation.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock (https://www.sqlite.org/c3ref/busy_timeout.html), in steps of a
/// few milliseconds, instead of failing at once and being retried by the ADO.NET provider after a fixed 150 ms
/// sleep. SQLite has one writer at a time; fan-out, dispatchers and webhooks take turns at it many times a second.
/// The automatic checkpoint threshold is raised from 1,000 to 10,000 pages: the service checkpoints in the background
/// (Host/Storage/WalCheckpoints), and a writer checkpoints only if that falls far behind. Temporary storage is kept in
/// memory: a statement that fires a trigger (the counters' triggers, migration I16Counters) opens a statement journal,
/// and on disk that costs a file per statement, which made a one-row-per-statement import three times slower
/// (https://www.sqlite.org/tempfiles.html, "Statement Journal Files").
/// </summary>
sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    const string Pragma = "PRAGMA busy_timeout = 30000; PRAGMA wal_autocheckpoint = 10000; PRAGMA temp_store = MEMORY;";

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
