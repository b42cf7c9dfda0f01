using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Host.Routes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using System.Runtime.CompilerServices;

namespace Evacuation.Host.Citizens;

/// <summary>
/// Stores citizens: upsert by <c>externalId</c>, else by phone, else by Telegram chat id. Works a batch at a time
/// (one query per key kind, one save) so an import of 100,000 rows is a few hundred round trips, not 100,000.
/// </summary>
/// <remarks>
/// Which stored citizen a record updates, and when it is refused, is <see cref="CitizenKeys"/>' rule; what an update
/// changes is <see cref="CitizenFields.ApplyTo"/>'s (fields left empty keep their stored value).
/// </remarks>
public sealed class CitizenRegistry(EvacuationDb db, TimeProvider time, CrossingPlanner planner)
{
    public async Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<CitizenFields> batch, string actor, CancellationToken cancellationToken) =>
        await UpsertAsync(batch, await FindAsync(batch, cancellationToken), actor, cancellationToken);

    /// <summary><see cref="FindAsync(EvacuationDb, IReadOnlyList{CitizenFields}, CancellationToken)"/> on the registry's own connection.</summary>
    public Task<List<Citizen>> FindAsync(IReadOnlyList<CitizenFields> batch, CancellationToken cancellationToken) =>
        FindAsync(db, batch, cancellationToken);

    /// <summary>
    /// The stored citizens any record of <paramref name="batch"/> names by externalId, phone or chat id, untracked.
    /// One query with one array parameter per key kind (EF.Parameter): a plan EF compiles once, instead of a new
    /// 1,000-parameter IN list to compile for every batch; each database answers it from the three unique indexes
    /// (SQLite: "MULTI-INDEX OR"). Reads only, so an import looks up the next batch on another connection while this
    /// one is written.
    /// </summary>
    public static async Task<List<Citizen>> FindAsync(EvacuationDb db, IReadOnlyList<CitizenFields> batch, CancellationToken cancellationToken)
    {
        var externalIds = new HashSet<string>(StringComparer.Ordinal);
        var phones = new HashSet<string>(StringComparer.Ordinal);
        var chats = new HashSet<long>();
        foreach (var fields in batch)
        {
            if (fields.ExternalId is not null)
            {
                externalIds.Add(fields.ExternalId);
            }
            if (fields.Phone is not null)
            {
                phones.Add(fields.Phone);
            }
            if (fields.TelegramChatId is { } chat)
            {
                chats.Add(chat);
            }
        }
        List<string> externalIdList = [.. externalIds], phoneList = [.. phones];
        List<long> chatList = [.. chats];
        return await db.Citizens.AsNoTracking()
            .Where(c => EF.Parameter(externalIdList).Contains(c.ExternalId!)
                || EF.Parameter(phoneList).Contains(c.Phone!)
                || EF.Parameter(chatList).Contains(c.TelegramChatId!.Value))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A transaction spanning several <see cref="UpsertAsync(IReadOnlyList{CitizenFields}, IReadOnlyList{Citizen}, string, CancellationToken)"/> calls.</summary>
    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        db.Database.BeginTransactionAsync(cancellationToken);

    /// <summary>Upserts <paramref name="batch"/> given the citizens <see cref="FindAsync"/> found for it.</summary>
    public async Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(
        IReadOnlyList<CitizenFields> batch, IReadOnlyList<Citizen> found, string actor, CancellationToken cancellationToken)
    {
        db.Citizens.AttachRange(found);
        // Sized for the stored citizens and every record's own, so indexing the batch's new citizens never regrows them.
        var keys = new CitizenKeys(found.Count + batch.Count);
        foreach (var citizen in found)
        {
            keys.Index(citizen);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var outcomes = new List<UpsertOutcome>(batch.Count);
        var changes = new BatchChanges();
        foreach (var fields in batch)
        {
            outcomes.Add(Upsert(fields, keys, actor, now, changes));
        }
        // New citizens, and those whose region changed or who have no crossing yet, get their crossing now, each
        // region worked out once per batch, so the import pays for 1,000 dictionary look-ups, not 1,000 searches.
        planner.AssignAll(changes.ToPlace, now);
        await SaveAsync(changes, cancellationToken);
        return outcomes;
    }

    /// <summary>What a batch adds besides the changes EF tracks: new citizens and timeline events, and who needs a crossing.</summary>
    sealed class BatchChanges
    {
        public List<Citizen> Added { get; } = [];

        public List<CitizenEvent> Events { get; } = [];

        public List<Citizen> ToPlace { get; } = [];
    }

    // Runs once per row of an import: compiled optimized at first call (see CitizenKeys).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static UpsertOutcome Upsert(CitizenFields fields, CitizenKeys keys, string actor, DateTime now, BatchChanges changes)
    {
        var match = keys.Match(fields);
        if (match.Refusal is { } reason)
        {
            return new UpsertOutcome(UpsertKind.Refused, null, reason);
        }
        if (match.Target is not { } target)
        {
            // No "Created" event row: the timeline shows creation from CreatedAt/CreatedBy, which halves the writes of
            // a large import.
            var citizen = fields.ToCitizen(actor, now);
            keys.Index(citizen);
            changes.Added.Add(citizen);
            changes.ToPlace.Add(citizen);
            return new UpsertOutcome(UpsertKind.Created, citizen);
        }
        var changed = fields.ApplyTo(target);
        if (changed.Count == 0)
        {
            return new UpsertOutcome(UpsertKind.Unchanged, target);
        }
        if (changed.Contains("region") || target.AssignedCrossing is null)
        {
            changes.ToPlace.Add(target);
        }
        target.UpdatedAt = now;
        changes.Events.Add(new CitizenEvent { CitizenId = target.Id, At = now, Actor = actor, Kind = CitizenEventKind.Updated, Detail = "changed " + string.Join(", ", changed) });
        keys.Index(target);
        return new UpsertOutcome(UpsertKind.Updated, target);
    }

    /// <summary>
    /// Changed citizens through EF (tracked); new citizens and all events in bulk: at import sizes EF's per-entity
    /// bookkeeping would cost more than the database itself. One transaction for the batch, unless the caller holds one.
    /// </summary>
    async Task SaveAsync(BatchChanges changes, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            await db.InsertAsync(changes.Added, cancellationToken);
            await db.InsertAsync(changes.Events, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
        db.ChangeTracker.Clear();
    }
}
