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
        var due = ReminderCandidates.Remindable(db)
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
        var candidates = await ReminderCandidates.DueAsync(db, now, settings, cancellationToken);
        if (candidates.Count == 0)
        {
            return (0, null);
        }
        // Reminders are written per citizen here, not by fan-out: Custom keeps estimates away from them.
        var broadcast = Broadcast.FannedOut(BroadcastKind.Custom, ChannelPolicy.Preferred, Author, now, DeliveryPriority.Bulk, Expiries.Reminder);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await OneSweepAtATimeAsync(db, cancellationToken);
        var claimed = new List<ReminderCandidates.Candidate>(candidates.Count);
        foreach (var chunk in candidates.Chunk(ClaimBatch))
        {
            claimed.AddRange(await ReminderCandidates.ClaimAsync(db, chunk, now, settings, cancellationToken));
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
    static Task OneSweepAtATimeAsync(EvacuationDb db, CancellationToken cancellationToken) =>
        db.TakeTurnAsync(SweepLock, cancellationToken);

    List<Delivery> Deliveries(Broadcast broadcast, List<ReminderCandidates.Candidate> claimed, DateTime now)
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
