using Evacuation.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Storage;

/// <summary>
/// On SQLite, copies the write-ahead log back into the database file once a second, off the writers' path.
/// Left to itself, SQLite checkpoints inside whichever commit pushes the log past its limit
/// (https://www.sqlite.org/wal.html#automatic_checkpoint), and that commit (a fan-out batch, a webhook's reply)
/// then waits for the copy while holding the only write lock. A PASSIVE checkpoint never blocks a writer or a
/// reader; the writers' own automatic checkpoint stays on, at a higher threshold, should this one fall behind.
/// An idle service writes nothing, so the checkpoint runs only when the log file changed since the last one (a file
/// time, read without asking the database).
/// </summary>
public sealed class WalCheckpoints(IDbContextFactory<EvacuationDb> databases, ILogger<WalCheckpoints> logger) : BackgroundService
{
    static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? log = null;
        var checkpointed = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, stoppingToken);
                await using var db = await databases.CreateDbContextAsync(stoppingToken);
                log ??= Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource) + "-wal";
                var written = File.GetLastWriteTimeUtc(log);
                if (written == checkpointed)
                {
                    continue;
                }
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stoppingToken);
                checkpointed = written;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "SQLite checkpoint failed; the writers' own checkpoints continue");
            }
        }
    }
}
