using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Operators;

/// <summary>
/// Runs a change to the keys table in a transaction that no other change to it overlaps: in this process by a
/// semaphore, across nodes on PostgreSQL by an advisory lock held until the transaction ends
/// (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS). Two nodes starting at once cannot
/// both make a first-start key, and two Admins revoking at once cannot leave no Admin key. Afterwards this node reads
/// the table again on its next request; the others within <see cref="OperatorKeyring.MaxAge"/>.
/// </summary>
public sealed class KeyChanges(IDbContextFactory<EvacuationDb> databases, OperatorKeyring keyring)
{
    /// <summary>"EvacKeys" in ASCII: the advisory lock's number, which no other lock of ours uses.</summary>
    const long LockId = 0x4576_6163_4B65_7973;

    readonly SemaphoreSlim changing = new(1, 1);

    public async Task<T> RunAsync<T>(Func<EvacuationDb, Task<T>> change, CancellationToken cancellationToken)
    {
        await changing.WaitAsync(cancellationToken);
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.TakeTurnAsync(LockId, cancellationToken);
            var result = await change(db);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            keyring.Invalidate();
            return result;
        }
        finally
        {
            changing.Release();
        }
    }
}
