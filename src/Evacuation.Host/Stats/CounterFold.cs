using Evacuation.Core.Broadcasts;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Stats;

/// <summary>
/// Folds the changes the database's triggers recorded into the counters: the citizens' (<see cref="CitizenCounts"/>),
/// and the waiting <see cref="CountChange"/> rows into the broadcasts' counters: for each recipient touched, works out
/// their part again (<see cref="RecipientTally"/>) from their deliveries of that broadcast and their replies and status,
/// and moves the counters by the difference from the part stored beside them. Idempotent: folding a change twice moves
/// nothing the second time, so a change committed while a fold was reading is simply folded again next round. On
/// PostgreSQL one node folds at a time (an advisory lock; the others skip the round).
/// </summary>
public sealed class CounterFold(IDbContextFactory<EvacuationDb> databases, WriterQueue writers)
{
    public const int Batch = 5_000;

    const string AnythingWaiting = """
        SELECT EXISTS (SELECT 1 FROM count_changes) OR EXISTS (SELECT 1 FROM citizen_count_deltas) AS "Value"
        """;

    /// <summary>"EvacCoun" in ASCII: the advisory lock's number, which no other lock of ours uses.</summary>
    const long LockId = 0x4576_6163_436F_756E;

    /// <summary>Folds every waiting change, a batch per transaction; whether any was waiting (another node may have folded it).</summary>
    public async Task<bool> CatchUpAsync(CancellationToken cancellationToken)
    {
        await using (var look = await databases.CreateDbContextAsync(cancellationToken))
        {
            if (!await look.Database.SqlQueryRaw<bool>(AnythingWaiting).SingleAsync(cancellationToken))
            {
                return false; // idle: one statement, no write turn taken, no transaction opened
            }
        }
        await FoldCitizensAsync(cancellationToken);
        while (await FoldAsync(cancellationToken) is Batch)
        {
        }
        return true;
    }

    /// <summary>The citizens' counters (<see cref="CitizenCounts"/>), under the same lock as the broadcasts'.</summary>
    async Task FoldCitizensAsync(CancellationToken cancellationToken)
    {
        using var turn = await writers.TakeTurnAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.TryTurnAsync(LockId, cancellationToken))
        {
            await CitizenCounts.FoldInAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>One batch; null when another node holds the fold.</summary>
    async Task<int?> FoldAsync(CancellationToken cancellationToken)
    {
        using var turn = await writers.TakeTurnAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.TryTurnAsync(LockId, cancellationToken))
        {
            return null;
        }
        var changes = await db.CountChanges.AsNoTracking().OrderBy(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
        foreach (var (broadcastId, moves) in await RecountAsync(db, changes, cancellationToken))
        {
            await MoveAsync(db, broadcastId, moves, cancellationToken);
        }
        var ids = changes.Select(c => c.Id).ToList();
        await db.CountChanges.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changes.Count;
    }

    static async Task<Dictionary<Guid, CounterMoves>> RecountAsync(EvacuationDb db, List<CountChange> changes, CancellationToken cancellationToken)
    {
        var moves = new Dictionary<Guid, CounterMoves>();
        if (changes.Count == 0)
        {
            return moves;
        }
        var citizenIds = changes.Select(c => c.CitizenId).Distinct().ToList();
        var stored = await db.RecipientTallies.Where(t => citizenIds.Contains(t.CitizenId))
            .ToDictionaryAsync(t => (t.BroadcastId, t.CitizenId), cancellationToken);
        var changed = changes.Where(c => c.BroadcastId is not null).Select(c => (BroadcastId: c.BroadcastId!.Value, c.CitizenId)).ToHashSet();
        var wide = changes.Where(c => c.BroadcastId is null).Select(c => c.CitizenId).ToHashSet();
        var deliveries = await RecipientReads.DeliveriesAsync(db, changed, cancellationToken);
        var facts = await RecipientReads.FactsAsync(db, citizenIds, cancellationToken);
        // A reply or a status change can only move the parts of broadcasts the citizen already counts in.
        foreach (var pair in changed.Union(stored.Keys.Where(k => wide.Contains(k.CitizenId))))
        {
            stored.TryGetValue(pair, out var row);
            var recipient = changed.Contains(pair) ? deliveries.GetValueOrDefault(pair) : row?.Deliveries;
            var counted = RecipientTally.Of(recipient, facts.GetValueOrDefault(pair.CitizenId));
            moves[pair.BroadcastId] = moves.GetValueOrDefault(pair.BroadcastId) + RecipientTally.Moves(row?.Counted ?? RecipientCounts.None, counted);
            Store(db, row, pair, recipient, counted);
        }
        return moves;
    }

    /// <summary>Keeps a part only while it counts: an open or vanished recipient cannot be moved by a reply.</summary>
    static void Store(EvacuationDb db, RecipientTallyRow? row, (Guid BroadcastId, Guid CitizenId) pair, RecipientDeliveries? recipient, RecipientCounts counted)
    {
        if (recipient is null || counted == RecipientCounts.None)
        {
            if (row is not null)
            {
                db.RecipientTallies.Remove(row);
            }
            return;
        }
        if (row is null)
        {
            row = new RecipientTallyRow { BroadcastId = pair.BroadcastId, CitizenId = pair.CitizenId };
            db.RecipientTallies.Add(row);
        }
        row.Take(recipient);
        row.Counted = counted;
    }

    static async Task MoveAsync(EvacuationDb db, Guid broadcastId, CounterMoves moves, CancellationToken cancellationToken)
    {
        if (moves.IsNone)
        {
            return;
        }
        var counter = await db.BroadcastCounters.FindAsync([broadcastId], cancellationToken);
        if (counter is null)
        {
            counter = new BroadcastCounter { BroadcastId = broadcastId };
            db.BroadcastCounters.Add(counter);
        }
        counter.Add(moves);
    }
}
