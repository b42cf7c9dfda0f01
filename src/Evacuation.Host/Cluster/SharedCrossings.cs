using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Routes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Cluster;

/// <summary>
/// The crossings' statuses and notes as every node must see them: the <c>crossings</c> table is the truth, and the
/// crossings in memory (which imports, fan-out, ROUTE answers and shared locations read) follow it.
/// <see cref="CrossingFollower"/> reads the table twice a second on PostgreSQL, so a change made on another node is
/// used here within a second; a change made here is serialised with every other (<see cref="LockAsync"/>).
/// </summary>
public sealed class SharedCrossings(IDbContextFactory<EvacuationDb> databases, CrossingsFile crossings)
{
    readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>How many times the table was read (tests wait on it instead of sleeping).</summary>
    public long Refreshes => Interlocked.Read(ref refreshes);

    long refreshes;

    /// <summary>
    /// Holds off the follower on this node while a change is applied, so it never puts back the committed status in the
    /// middle of a closure that has already set the new one in memory.
    /// </summary>
    public async Task<IDisposable> LockAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    /// <summary>
    /// Inside a change's transaction: locks every crossing row (PostgreSQL; SQLite has one writer already) so a change on
    /// another node waits for this one, then reads the latest committed statuses. Two closures at once are applied one
    /// after the other, the second seeing the first, so neither sends citizens to the crossing the other closed.
    /// </summary>
    public async Task LockRowsAndReadAsync(EvacuationDb db, CancellationToken cancellationToken)
    {
        if (db is PostgresEvacuationDb)
        {
            await db.TakeTurnAsync(RenderedMessagesLock, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("""SELECT "Id" FROM crossings ORDER BY "Id" FOR UPDATE""", cancellationToken);
        }
        CrossingStates.Apply(crossings, await db.Crossings.AsNoTracking().ToListAsync(cancellationToken));
    }

    /// <summary>
    /// PostgreSQL advisory lock taken exclusively by a change and shared by writers of messages rendered earlier
    /// (<see cref="HoldOffChangesAsync"/>), so a closure's withdrawal of stale messages and their insertion never pass
    /// each other. It exists whether or not the crossing has a row yet, unlike the row locks.
    /// </summary>
    const long RenderedMessagesLock = 0x4576_6163_526F_7574; // "EvacRout"

    /// <summary>
    /// Inside a transaction that inserts messages rendered before it began (fan-out's batches): waits for a crossing
    /// change in progress to commit, and keeps the next one out until this transaction ends. On SQLite the write
    /// transaction itself does that (one writer at a time, from BEGIN IMMEDIATE).
    /// </summary>
    public static async Task HoldOffChangesAsync(EvacuationDb db, CancellationToken cancellationToken)
    {
        await db.TakeTurnAsync(RenderedMessagesLock, cancellationToken, shared: true);
    }

    /// <summary>Reads the committed statuses and notes into memory (unless a change is being applied here right now).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // Read under the lock too: rows read before a change here commits must not be applied after it.
        using (await LockAsync(cancellationToken))
        {
            CrossingStates.Apply(crossings, await db.Crossings.AsNoTracking().ToListAsync(cancellationToken));
        }
        Interlocked.Increment(ref refreshes);
    }

    sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
