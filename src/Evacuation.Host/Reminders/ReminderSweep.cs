using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Reminders;
using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Auditing;
using Evacuation.Host.Broadcasts;
using Evacuation.Host.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Evacuation.Core.Drills;

namespace Evacuation.Host.Reminders;

/// <summary>
/// One pass over everyone still on their way out. Citizens whose patience has run out go on the call list
/// (<see cref="Citizen.EscalatedAt"/>); the rest who are due get a reminder restating their route, written as an
/// ordinary broadcast's deliveries so the dispatchers, pacing and retries treat it like any other message.
/// </summary>
/// <remarks>
/// The unique key of a reminder is (citizen, reminder number), and it is held by the citizen row itself: a
/// citizen is claimed by stamping <see cref="Citizen.ReminderQueuedAt"/> in a conditional UPDATE (where the count and
/// the stamp are still what this sweep read), in the same transaction that writes the deliveries. A second sweep (a
/// double fire, or another instance) finds the stamp moved, or the reminder still waiting in the outbox, and writes
/// nothing. The count (<see cref="Citizen.RemindersSent"/>) and the last contact move when the reminder is sent
/// (<c>SentDeliveries</c>), so a reminder that never left neither counts towards the call list nor delays the next.
/// </remarks>
public sealed class ReminderSweep(
    IDbContextFactory<EvacuationDb> databases,
    TimeProvider time,
    CrossingsFile crossings,
    DeliveryPulse pulse,
    IOptions<RemindersOptions> options,
    Signature signature,
    ILogger<ReminderSweep> logger)
{
    /// <summary>The name reminder broadcasts carry as their author in lists and the audit log.</summary>
    public const string Author = ReminderRules.Author;

    const int ClaimBatch = 5000;

    readonly CrossingAssignment places = new(crossings);

    /// <summary>The outcome of the last sweep this process ran, for <c>GET /api/reminders</c>.</summary>
    public SweepOutcome? Last { get; private set; }

    public async Task<SweepOutcome> RunAsync(CancellationToken cancellationToken)
    {
        // Whole milliseconds: the stamp is compared for equality after PostgreSQL stores it in microseconds.
        var now = TruncateToMilliseconds(time.GetUtcNow().UtcDateTime);
        var settings = options.Value;
        var escalated = await EscalateAsync(now, settings, cancellationToken);
        var (reminded, broadcastId) = await RemindAsync(now, settings, cancellationToken);
        var outcome = new SweepOutcome(now, reminded, escalated, broadcastId);
        Last = outcome;
        logger.LogInformation("Reminder sweep: {Reminded} reminded, {Escalated} put on the call list", reminded, escalated);
        return outcome;
    }

    /// <summary>
    /// Citizens who did not answer their last allowed reminder within its interval go on the call list, with an
    /// Escalated event in their history.
    /// </summary>
    async Task<int> EscalateAsync(DateTime now, RemindersOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var unconfirmedCutoff = now - settings.MinimumInterval;
        var onTheWayCutoff = now - settings.OnTheWayInterval;
        var due = Remindable(db)
            .Where(c => c.RemindersSent >= settings.MaxReminders)
            .Where(c => c.LastContactAt <= (c.Status == JourneyStatus.OnTheWay ? onTheWayCutoff : unconfirmedCutoff));
        var ids = await due.Select(c => c.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await OneSweepAtATimeAsync(db, cancellationToken);
        var escalated = 0;
        foreach (var chunk in ids.Chunk(ClaimBatch))
        {
            var part = chunk.ToList();
            var moved = await due.Where(c => part.Contains(c.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.EscalatedAt, now), cancellationToken);
            if (moved == 0)
            {
                continue;
            }
            escalated += moved;
            // A sweep of the same instant stamps the same time; the citizens it escalated already carry its event.
            var ours = await db.Citizens
                .Where(c => part.Contains(c.Id) && c.EscalatedAt == now)
                .Where(c => !db.CitizenEvents.Any(e => e.CitizenId == c.Id && e.Kind == CitizenEventKind.Escalated && e.At == now))
                .Select(c => c.Id).ToListAsync(cancellationToken);
            db.CitizenEvents.AddRange(ours.Select(id => new CitizenEvent
            {
                CitizenId = id,
                At = now,
                Kind = CitizenEventKind.Escalated,
                Actor = Author,
                Detail = $"no answer after {settings.MaxReminders} reminders: on the call list",
            }));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return escalated;
    }

    async Task<(int Reminded, Guid? BroadcastId)> RemindAsync(DateTime now, RemindersOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var candidates = await DueAsync(db, now, settings, cancellationToken);
        if (candidates.Count == 0)
        {
            return (0, null);
        }
        // Reminders are written per citizen here, not by fan-out: Custom keeps estimates away from them.
        var broadcast = Broadcast.FannedOut(BroadcastKind.Custom, ChannelPolicy.Preferred, Author, now, DeliveryPriority.Bulk, Expiries.Reminder);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await OneSweepAtATimeAsync(db, cancellationToken);
        var claimed = new List<Candidate>(candidates.Count);
        foreach (var chunk in candidates.Chunk(ClaimBatch))
        {
            claimed.AddRange(await ClaimAsync(db, chunk, now, settings, cancellationToken));
        }
        if (claimed.Count == 0)
        {
            return (0, null);
        }
        broadcast.Recipients = claimed.Count;
        db.Broadcasts.Add(broadcast);
        db.Record(now, Author, "reminders.sweep", broadcast.Id.ToString(), $"{claimed.Count} citizens reminded");
        await db.SaveChangesAsync(cancellationToken);
        await db.InsertNewAsync(Deliveries(broadcast, claimed, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        pulse.Pulse();
        return (claimed.Count, broadcast.Id);
    }

    /// <summary>"EvacRmnd" in ASCII: the advisory lock's number, which no other lock of ours uses.</summary>
    const long SweepLock = 0x4576_6163_526D_6E64;

    /// <summary>
    /// On PostgreSQL, sweeps that overlap (a double fire, two nodes) take turns for their writing transaction, held to
    /// its end: each then sees what the one before committed, and two UPDATEs of the same citizens never lock them in
    /// different orders (a deadlock). SQLite's single writer already makes them take turns.
    /// </summary>
    static async Task OneSweepAtATimeAsync(EvacuationDb db, CancellationToken cancellationToken)
    {
        if (db is PostgresEvacuationDb)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({SweepLock})", cancellationToken);
        }
    }

    /// <summary>Everyone we still wait for: not opted out, not on the call list, and in a status that gets reminders.</summary>
    static IQueryable<Citizen> Remindable(EvacuationDb db) =>
        db.Citizens.NotInDrills().Where(c => !c.OptedOut && c.EscalatedAt == null
            && (c.Status == JourneyStatus.Unconfirmed || c.Status == JourneyStatus.OnTheWay));

    internal sealed record Candidate(Recipient Recipient, JourneyStatus Status, int RemindersSent, DateTime? ReminderQueuedAt);

    /// <summary>
    /// Reachable, remindable citizens whose interval has passed, who were sent at least one Advisory, and who have no
    /// message still waiting to go out (a reminder queued earlier and not yet sent is not queued again).
    /// </summary>
    internal static async Task<List<Candidate>> DueAsync(EvacuationDb db, DateTime now, RemindersOptions settings, CancellationToken cancellationToken)
    {
        var unconfirmedCutoff = now - settings.MinimumInterval;
        var onTheWayCutoff = now - settings.OnTheWayInterval;
        var advised = (await db.Deliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Sent || d.State == DeliveryState.Delivered)
            .Where(d => db.Broadcasts.Any(b => b.Id == d.BroadcastId && b.Kind == BroadcastKind.Advisory))
            .Select(d => d.CitizenId)
            .Distinct()
            .ToListAsync(cancellationToken)).ToHashSet();
        var waiting = (await Waiting(db).AsNoTracking()
            .Select(d => d.CitizenId)
            .Distinct()
            .ToListAsync(cancellationToken)).ToHashSet();
        var rows = await Remindable(db).AsNoTracking()
            .Where(c => c.RemindersSent < settings.MaxReminders)
            .Where(c => (c.TelegramChatId != null && !c.TelegramUnreachable) || (c.Phone != null && !c.SmsUnreachable))
            .Where(c => c.LastContactAt <= (c.Status == JourneyStatus.OnTheWay ? onTheWayCutoff : unconfirmedCutoff))
            .Select(c => new
            {
                Recipient = new Recipient(c.Id, c.Name, c.Language, c.Phone, c.TelegramChatId, c.TelegramUnreachable,
                    c.SmsUnreachable, c.Region, c.AssignedCrossing, c.Latitude, c.Longitude, c.CheckInToken),
                c.Status,
                c.RemindersSent,
                c.ReminderQueuedAt,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => advised.Contains(r.Recipient.Id) && !waiting.Contains(r.Recipient.Id))
            .Select(r => new Candidate(r.Recipient, r.Status, r.RemindersSent, r.ReminderQueuedAt))];
    }

    /// <summary>
    /// Stamps each candidate's <see cref="Citizen.ReminderQueuedAt"/> with this sweep's time, only where the count and
    /// the stamp are still what this sweep read. When the UPDATE took every row asked for (the usual case) or none
    /// (another sweep was first), that is the answer; only when it took some does this sweep read back which rows
    /// carry its stamp.
    /// </summary>
    /// <remarks>
    /// Concurrent claims serialize on the rows (PostgreSQL row locks, SQLite's single writer) and the loser's
    /// UPDATE re-reads the row, so each (citizen, reminder number) is claimed once. The UPDATE itself also asks that
    /// no message be waiting for the citizen: a sweep that read the outbox before another sweep committed and the
    /// citizen after it would otherwise see that sweep's stamp as its own starting point, and claim again (seen with
    /// three sweeps of the same instant on SQLite).
    /// </remarks>
    internal static async Task<List<Candidate>> ClaimAsync(
        EvacuationDb db, Candidate[] chunk, DateTime now, RemindersOptions settings, CancellationToken cancellationToken)
    {
        var unconfirmedCutoff = now - settings.MinimumInterval;
        var onTheWayCutoff = now - settings.OnTheWayInterval;
        var claimed = new List<Candidate>(chunk.Length);
        foreach (var group in chunk.GroupBy(c => (c.RemindersSent, c.ReminderQueuedAt)))
        {
            var (count, queued) = group.Key;
            var ids = group.Select(c => c.Recipient.Id).ToList();
            var moved = await Remindable(db)
                .Where(c => ids.Contains(c.Id) && c.RemindersSent == count && c.ReminderQueuedAt == queued)
                .Where(c => c.LastContactAt <= (c.Status == JourneyStatus.OnTheWay ? onTheWayCutoff : unconfirmedCutoff))
                .Where(c => !Waiting(db).Any(d => d.CitizenId == c.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReminderQueuedAt, now), cancellationToken);
            if (moved == ids.Count)
            {
                claimed.AddRange(group);
                continue;
            }
            if (moved == 0)
            {
                continue;
            }
            // Another sweep of the same millisecond stamps the same time; its rows still have their reminder waiting
            // (or already counted), ours do not until this transaction writes them.
            var ours = (await db.Citizens.AsNoTracking()
                .Where(c => ids.Contains(c.Id) && c.ReminderQueuedAt == now && c.RemindersSent == count)
                .Where(c => !Waiting(db).Any(d => d.CitizenId == c.Id))
                .Select(c => c.Id)
                .ToListAsync(cancellationToken)).ToHashSet();
            claimed.AddRange(group.Where(c => ours.Contains(c.Recipient.Id)));
        }
        return claimed;
    }

    /// <summary>Messages not yet handed to a provider: a citizen with one waiting gets no reminder on top.</summary>
    static IQueryable<Delivery> Waiting(EvacuationDb db) =>
        db.Deliveries.Where(d => d.State == DeliveryState.Pending || d.State == DeliveryState.Sending);

    List<Delivery> Deliveries(Broadcast broadcast, List<Candidate> claimed, DateTime now)
    {
        var rows = new List<Delivery>(claimed.Count);
        foreach (var (recipient, status, _, _) in claimed)
        {
            var template = ReminderRules.TemplateFor(status) ?? BuiltInTemplate.Reminder;
            var text = BuiltInTemplates.Render(template, recipient.Values(crossings, places, signature, now));
            foreach (var channel in ChannelChoice.For(ChannelPolicy.Preferred, recipient.HasTelegram, recipient.HasSms))
            {
                rows.Add(recipient.DeliveryOn(channel, broadcast, text, withReplyButtons: channel == ChannelKind.Telegram, now));
            }
        }
        return rows;
    }

    static DateTime TruncateToMilliseconds(DateTime at) =>
        new(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
