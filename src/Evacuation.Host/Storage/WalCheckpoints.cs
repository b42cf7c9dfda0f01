using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Storage;

/// <summary>
/// On SQLite, copies the write-ahead log back into the database file once a second, off the writers' path.
/// Left to itself, SQLite checkpoints inside whichever commit pushes the log past its limit
/// (https://www.sqlite.org/wal.html#automatic_checkpoint), and that commit (a fan-out batch, a webhook's reply)
/// then waits for the copy while holding the only write lock. A PASSIVE checkpoint never blocks a writer or a
/// reader; the writers' own automatic checkpoint stays on, at a higher threshold, should this one fall behind.
/// </summary>
public sealed class WalCheckpoints(IDbContextFactory<EvacuationDb> databases, ILogger<WalCheckpoints> logger) : BackgroundService
{
    static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, stoppingToken);
                await using var db = await databases.CreateDbContextAsync(stoppingToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stoppingToken);
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
