using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Drills;
using Evacuation.Data;
using Evacuation.Host.Broadcasts;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Reminders;

/// <summary>Who a reminder sweep is due to remind, and which of them this sweep claims (<see cref="ReminderSweep"/>).</summary>
static class ReminderCandidates
{
    /// <summary>Everyone we still wait for: not opted out, not on the call list, and in a status that gets reminders.</summary>
    internal static IQueryable<Citizen> Remindable(EvacuationDb db) =>
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
}
