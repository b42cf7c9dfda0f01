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
/// Fields left empty in the input keep their stored value; fields given replace it. A phone or chat id that
/// already belongs to another citizen refuses the record instead of silently moving it.
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
        var capacity = found.Count + batch.Count;
        var byExternalId = new Dictionary<string, Citizen>(capacity, StringComparer.Ordinal);
        var byPhone = new Dictionary<string, Citizen>(capacity, StringComparer.Ordinal);
        var byChat = new Dictionary<long, Citizen>(capacity);
        foreach (var citizen in found)
        {
            Index(citizen, byExternalId, byPhone, byChat);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var outcomes = new List<UpsertOutcome>(batch.Count);
        var added = new List<Citizen>();
        var events = new List<CitizenEvent>();
        var toPlace = new List<Citizen>();
        foreach (var fields in batch)
        {
            var outcome = Upsert(fields, actor, now, byExternalId, byPhone, byChat, events, toPlace);
            if (outcome.Kind == UpsertKind.Created)
            {
                added.Add(outcome.Citizen!);
            }
            outcomes.Add(outcome);
        }
        // New citizens, and those whose region changed or who have no crossing yet, get their crossing now, each
        // region worked out once per batch, so the import pays for 1,000 dictionary look-ups, not 1,000 searches.
        planner.AssignAll(toPlace, now);

        // Changed citizens through EF (tracked); new citizens and all events in bulk: at import sizes EF's
        // per-entity bookkeeping would cost more than the database itself. One transaction for the batch.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            await db.InsertAsync(added, cancellationToken);
            await db.InsertAsync(events, cancellationToken);
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
        return outcomes;
    }

    // Runs once per row of an import: compiled optimized at first call instead of starting as unoptimized code that is
    // replaced mid-import (with TieredPGO off, the optimized code is the same either way).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    UpsertOutcome Upsert(
        CitizenFields fields,
        string actor,
        DateTime now,
        Dictionary<string, Citizen> byExternalId,
        Dictionary<string, Citizen> byPhone,
        Dictionary<long, Citizen> byChat,
        List<CitizenEvent> events,
        List<Citizen> toPlace)
    {
        Citizen? target = null;
        if (fields.ExternalId is not null)
        {
            byExternalId.TryGetValue(fields.ExternalId, out target);
        }
        if (target is null && fields.Phone is not null && byPhone.TryGetValue(fields.Phone, out var samePhone)
            && (fields.ExternalId is null || samePhone.ExternalId is null))
        {
            target = samePhone;
        }
        if (target is null && fields.TelegramChatId is not null && byChat.TryGetValue(fields.TelegramChatId.Value, out var sameChat)
            && (fields.ExternalId is null || sameChat.ExternalId is null))
        {
            target = sameChat;
        }

        if (fields.Phone is not null && byPhone.TryGetValue(fields.Phone, out var phoneOwner) && phoneOwner != target)
        {
            return new UpsertOutcome(UpsertKind.Refused, null,
                $"phone {PhoneNumber.Mask(fields.Phone)} already belongs to another citizen{Owner(phoneOwner)}");
        }
        if (fields.TelegramChatId is not null && byChat.TryGetValue(fields.TelegramChatId.Value, out var chatOwner) && chatOwner != target)
        {
            return new UpsertOutcome(UpsertKind.Refused, null,
                $"telegramChatId {fields.TelegramChatId} already belongs to another citizen{Owner(chatOwner)}");
        }

        if (target is null)
        {
            if (fields.Phone is null && fields.TelegramChatId is null)
            {
                return new UpsertOutcome(UpsertKind.Refused, null, CitizenRules.NeedsContact);
            }
            var citizen = new Citizen
            {
                ExternalId = fields.ExternalId,
                Name = fields.Name,
                Phone = fields.Phone,
                TelegramChatId = fields.TelegramChatId,
                Language = fields.Language,
                Region = fields.Region,
                HouseholdSize = fields.HouseholdSize,
                CreatedAt = now,
                CreatedBy = actor,
                UpdatedAt = now,
            };
            // No "Created" event row: the timeline shows creation from CreatedAt/CreatedBy, which halves the writes of
            // a large import.
            Index(citizen, byExternalId, byPhone, byChat);
            toPlace.Add(citizen);
            return new UpsertOutcome(UpsertKind.Created, citizen);
        }

        var changed = Apply(target, fields);
        if (changed.Contains("region") || (target.AssignedCrossing is null && changed.Count > 0))
        {
            toPlace.Add(target);
        }
        if (changed.Count == 0)
        {
            return new UpsertOutcome(UpsertKind.Unchanged, target);
        }
        target.UpdatedAt = now;
        events.Add(new CitizenEvent { CitizenId = target.Id, At = now, Actor = actor, Kind = CitizenEventKind.Updated, Detail = "changed " + string.Join(", ", changed) });
        Index(target, byExternalId, byPhone, byChat);
        return new UpsertOutcome(UpsertKind.Updated, target);
    }

    /// <summary>Copies the given fields onto the stored citizen; returns the names of those that changed.</summary>
    static List<string> Apply(Citizen citizen, CitizenFields fields)
    {
        var changed = new List<string>();
        if (fields.ExternalId is not null && citizen.ExternalId != fields.ExternalId)
        {
            citizen.ExternalId = fields.ExternalId;
            changed.Add("externalId");
        }
        if (fields.Name.Length > 0 && citizen.Name != fields.Name)
        {
            citizen.Name = fields.Name;
            changed.Add("name");
        }
        if (fields.Phone is not null && citizen.Phone != fields.Phone)
        {
            citizen.Phone = fields.Phone;
            citizen.SmsUnreachable = false;
            changed.Add("phone");
        }
        if (fields.TelegramChatId is not null && citizen.TelegramChatId != fields.TelegramChatId)
        {
            citizen.TelegramChatId = fields.TelegramChatId;
            citizen.TelegramUnreachable = false;
            changed.Add("telegramChatId");
        }
        if (fields.LanguageGiven && citizen.Language != fields.Language)
        {
            citizen.Language = fields.Language;
            changed.Add("language");
        }
        if (fields.Region is not null && citizen.Region != fields.Region)
        {
            citizen.Region = fields.Region;
            changed.Add("region");
        }
        if (fields.HouseholdSizeGiven && citizen.HouseholdSize != fields.HouseholdSize)
        {
            citizen.HouseholdSize = fields.HouseholdSize;
            changed.Add("householdSize");
        }
        return changed;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Index(Citizen citizen, Dictionary<string, Citizen> byExternalId, Dictionary<string, Citizen> byPhone, Dictionary<long, Citizen> byChat)
    {
        if (citizen.ExternalId is not null)
        {
            byExternalId[citizen.ExternalId] = citizen;
        }
        if (citizen.Phone is not null)
        {
            byPhone[citizen.Phone] = citizen;
        }
        if (citizen.TelegramChatId is not null)
        {
            byChat[citizen.TelegramChatId.Value] = citizen;
        }
    }

    static string Owner(Citizen owner) => owner.ExternalId is null ? $" (id {owner.Id})" : $" (externalId {owner.ExternalId})";
}
