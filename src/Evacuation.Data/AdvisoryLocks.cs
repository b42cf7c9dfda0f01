using Microsoft.EntityFrameworkCore;

namespace Evacuation.Data;

/// <summary>
/// PostgreSQL advisory locks held to the end of the current transaction, for writers on several nodes that must take
/// turns (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS). On SQLite there is nothing to
/// take: it has a single writer. Each caller names its lock with a number no other caller uses.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Waits for the lock (shared: alongside other shared holders, never beside an exclusive one).</summary>
    public static async Task TakeTurnAsync(this EvacuationDb db, long lockId, CancellationToken cancellationToken, bool shared = false)
    {
        if (db is PostgresEvacuationDb)
        {
            await (shared
                ? db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({lockId})", cancellationToken)
                : db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockId})", cancellationToken));
        }
    }

    /// <summary>Takes the lock if nobody holds it; false when another transaction does.</summary>
    public static async Task<bool> TryTurnAsync(this EvacuationDb db, long lockId, CancellationToken cancellationToken) =>
        db is not PostgresEvacuationDb
        || await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({lockId}) AS \"Value\"").SingleAsync(cancellationToken);
}
