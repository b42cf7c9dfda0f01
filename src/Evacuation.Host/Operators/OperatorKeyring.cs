using System.Security.Cryptography;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Operators;

/// <summary>
/// The keys the service accepts: the active rows of the keys table, configured and created alike, read again at most
/// <see cref="MaxAge"/> after the last read. So a key revoked on any node stops working on every node within a
/// second, while a busy service reads the table once a second rather than once a request.
/// </summary>
public sealed class OperatorKeyring(IDbContextFactory<EvacuationDb> databases, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    readonly SemaphoreSlim reading = new(1, 1);
    volatile Snapshot? current;
    int generation;

    sealed record Snapshot(OperatorKey[] Keys, DateTimeOffset ReadAt, int Generation);

    /// <summary>
    /// Finds the key presented. Every active hash is compared, each in constant time, so the time taken says
    /// nothing about how close a guess was.
    /// </summary>
    public async ValueTask<OperatorKey?> FindAsync(string presented, CancellationToken cancellationToken)
    {
        var hash = OperatorKey.HashOf(presented);
        OperatorKey? match = null;
        foreach (var key in (await KeysAsync(cancellationToken)).Keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                match = key;
            }
        }
        return match;
    }

    /// <summary>Forgets what was read, so the next request reads the table (after this node created or revoked a key).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        current = null;
    }

    async ValueTask<Snapshot> KeysAsync(CancellationToken cancellationToken)
    {
        if (current is { } fresh && IsFresh(fresh))
        {
            return fresh;
        }
        await reading.WaitAsync(cancellationToken);
        try
        {
            if (current is { } meanwhile && IsFresh(meanwhile))
            {
                return meanwhile;
            }
            var readAt = time.GetUtcNow();
            var startedIn = Volatile.Read(ref generation);
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var rows = await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null).ToListAsync(cancellationToken);
            var snapshot = new Snapshot([.. rows.Select(k => new OperatorKey(k.Id, k.Name, k.Role, Convert.FromHexString(k.KeyHash)))], readAt, startedIn);
            // A change made on this node while the table was being read is not in this snapshot: keep it for this
            // request only, and read again for the next.
            current = snapshot;
            return snapshot;
        }
        finally
        {
            reading.Release();
        }
    }

    bool IsFresh(Snapshot snapshot) =>
        snapshot.Generation == Volatile.Read(ref generation) && time.GetUtcNow() - snapshot.ReadAt < MaxAge;
}
