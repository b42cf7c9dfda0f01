using Evacuation.Core.Cases;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Drills;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Drills;

/// <summary>
/// A drill as the dashboard and <c>evac drill</c> show it: its settings and where it stands, and its own counters
/// (its citizens by status, their replies, the messages sent to them, its broadcasts, its call list, its help cases
/// still open or assigned), counted apart
/// from the real registry.
/// </summary>
public sealed record DrillView(
    string Id,
    string State,
    string StartedBy,
    DateTime StartedAt,
    DateTime EndsAt,
    DateTime? FinishedAt,
    double Minutes,
    int Citizens,
    bool CloseCrossing,
    double Progress,
    int AnswersPlanned,
    int AnswersSent,
    int ReminderRounds,
    int Escalated,
    string? ClosedCrossing,
    DateTime? CrossingClosedAt,
    IReadOnlyDictionary<string, int> ByStatus,
    long Replies,
    long MessagesSent,
    long Broadcasts,
    long CallList,
    long HelpCases,
    DateTime? CleanedAt)
{
    public static async Task<DrillView> OfAsync(EvacuationDb db, Drill drill, DateTime now, CancellationToken cancellationToken)
    {
        var citizens = db.Citizens.AsNoTracking().Where(c => c.DrillId == drill.Id);
        var byStatus = Enum.GetValues<JourneyStatus>().ToDictionary(s => s.ToString(), _ => 0);
        foreach (var group in await citizens.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
        {
            byStatus[group.Key.ToString()] = group.Count;
        }
        var replies = await db.Replies.CountAsync(r => citizens.Any(c => c.Id == r.CitizenId), cancellationToken);
        var sent = await db.Deliveries.CountAsync(d => (d.State == DeliveryState.Sent || d.State == DeliveryState.Delivered)
            && citizens.Any(c => c.Id == d.CitizenId), cancellationToken);
        var broadcasts = await db.Broadcasts.CountAsync(b => b.CreatedBy == DrillSeeding.Author && b.CreatedAt >= drill.StartedAt, cancellationToken);
        var callList = await citizens.CountAsync(c => c.Status == JourneyStatus.NeedsHelp || (c.EscalatedAt != null && c.Status == JourneyStatus.Unconfirmed), cancellationToken);
        var cases = await db.HelpCases.CountAsync(h => h.State != CaseState.Resolved && citizens.Any(c => c.Id == h.CitizenId), cancellationToken);
        var length = drill.EndsAt - drill.StartedAt;
        var progress = drill.State == DrillState.Finished ? 1 : Math.Clamp((now - drill.StartedAt) / length, 0, 1);
        return new DrillView(drill.Id.ToString(), drill.State.ToString(), drill.StartedBy, drill.StartedAt, drill.EndsAt, drill.FinishedAt,
            drill.Minutes, drill.Citizens, drill.CloseCrossing, Math.Round(progress, 3), drill.AnswersPlanned, drill.AnswersSent,
            drill.ReminderRounds, drill.Escalated, drill.CrossingId, drill.CrossingClosedAt, byStatus, replies, sent, broadcasts, callList, cases, drill.CleanedAt);
    }
}
