using Evacuation.Core.Cases;
using Evacuation.Core.Citizens;
using Evacuation.Core.Reminders;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;
using Evacuation.Core.Drills;

namespace Evacuation.Host.Reports;

/// <summary>
/// <c>GET /api/reports/call-list</c>: the people a person must phone. Those who asked for help come first (oldest
/// request first), then those who stopped answering reminders (longest silent first), each with what we know and
/// their recent history, so the caller knows what was said before dialling, and their help case (who has it).
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
        // Each citizen's latest help case, so two officers do not call the same person.
        var cases = (await db.HelpCases.AsNoTracking()
                .Where(c => c.CitizenId != null && ids.Contains(c.CitizenId.Value))
                .Select(c => new { CitizenId = c.CitizenId!.Value, c.Id, c.State, c.AssignedTo })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.CitizenId)
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!);
        CallListEntry Entry(Citizen c, CallListReason reason) =>
            new(c.Id.ToString(), c.Name, c.Phone, c.TelegramChatId, c.Language, c.Region, c.HouseholdSize, c.Status, reason,
                c.AssignedCrossing, c.LastContactAt, c.RemindersSent, c.EscalatedAt, events.GetValueOrDefault(c.Id) ?? [],
                cases.GetValueOrDefault(c.Id)?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                cases.GetValueOrDefault(c.Id)?.State, cases.GetValueOrDefault(c.Id)?.AssignedTo);
        return
        [
            .. needHelp.Select(c => Entry(c, CallListReason.NeedsHelp)),
            .. escalated.Select(c => Entry(c, CallListReason.Escalated)),
        ];
    }
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
    List<CallListEvent> History,
    string? CaseId,
    CaseState? CaseState,
    string? CaseAssignedTo);

public sealed record CallListEvent(DateTime At, string Kind, string Detail);
