using Evacuation.Core.Citizens;
using Evacuation.Core.Reminders;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;
using Evacuation.Core.Drills;

namespace Evacuation.Host.Reports;

/// <summary>
/// <c>GET /api/reports/call-list</c>: the people a person must phone. Those who asked for help come first (oldest
/// request first), then those who stopped answering reminders (longest silent first), each with what we know and
/// their recent history, so the caller knows what was said before dialling.
/// </summary>
public static class CallList
{
    /// <summary>Events shown per citizen, newest first.</summary>
    public const int HistoryLength = 10;

    public static async Task<List<CallListEntry>> ReadAsync(EvacuationDb db, CancellationToken cancellationToken)
    {
        var needHelp = await db.Citizens.NotInDrills().AsNoTracking()
            .Where(c => c.Status == JourneyStatus.NeedsHelp)
            .OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var escalated = await db.Citizens.NotInDrills().AsNoTracking()
            .Where(c => c.EscalatedAt != null && (c.Status == JourneyStatus.Unconfirmed || c.Status == JourneyStatus.OnTheWay))
            .OrderBy(c => c.EscalatedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var ids = needHelp.Concat(escalated).Select(c => c.Id).ToList();
        var events = (await db.CitizenEvents.AsNoTracking()
                .Where(e => ids.Contains(e.CitizenId))
                .Select(e => new { e.CitizenId, e.Id, e.At, e.Kind, e.Detail })
                .ToListAsync(cancellationToken))
            .GroupBy(e => e.CitizenId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(HistoryLength)
                .Select(e => new CallListEvent(e.At, e.Kind.ToString(), e.Detail)).ToList());
        return
        [
            .. needHelp.Select(c => Entry(c, CallListReason.NeedsHelp, events)),
            .. escalated.Select(c => Entry(c, CallListReason.Escalated, events)),
        ];
    }

    static CallListEntry Entry(Citizen c, CallListReason reason, Dictionary<Guid, List<CallListEvent>> events) =>
        new(c.Id.ToString(), c.Name, c.Phone, c.TelegramChatId, c.Language, c.Region, c.HouseholdSize, c.Status, reason,
            c.AssignedCrossing, c.LastContactAt, c.RemindersSent, c.EscalatedAt, events.GetValueOrDefault(c.Id) ?? []);
}

/// <summary>One person to phone.</summary>
public sealed record CallListEntry(
    string Id,
    string Name,
    string? Phone,
    long? TelegramChatId,
    string Language,
    string? Region,
    int HouseholdSize,
    JourneyStatus Status,
    CallListReason Reason,
    string? AssignedCrossing,
    DateTime? LastContactAt,
    int RemindersSent,
    DateTime? EscalatedAt,
    List<CallListEvent> History);

public sealed record CallListEvent(DateTime At, string Kind, string Detail);
