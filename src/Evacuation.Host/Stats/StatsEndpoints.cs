using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Host.Operators;
using Microsoft.EntityFrameworkCore;
using Evacuation.Core.Drills;

namespace Evacuation.Host.Stats;

/// <summary>
/// <c>GET /api/stats</c>: how many citizens are where on their way out, overall and by region; and
/// <c>GET /api/stats/timeline</c>: confirmed departures over time (<see cref="ConfirmationTimeline"/>).
/// </summary>
public static class StatsEndpoints
{
    public const string NoRegion = "(none)";

    public sealed record StatsView(
        int Citizens,
        Dictionary<string, int> ByStatus,
        Dictionary<string, Dictionary<string, int>> ByRegion,
        int OptedOut,
        int Unreachable,
        int People,
        Dictionary<string, int> PeopleByStatus);

    public static IEndpointRouteBuilder MapStats(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats", GetAsync).WithTags("Stats").RequireAuthorization(Roles.Viewer);
        app.MapGet("/api/stats/timeline", async (EvacuationDb db, TimeProvider time, CancellationToken cancellationToken) =>
                TypedResults.Ok(await ConfirmationTimeline.ReadAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken)))
            .WithTags("Stats").RequireAuthorization(Roles.Viewer);
        return app;
    }

    static async Task<IResult> GetAsync(EvacuationDb db, CancellationToken cancellationToken)
    {
        var groups = await db.Citizens.NotInDrills().AsNoTracking()
            .GroupBy(c => new { c.Region, c.Status })
            .Select(g => new { g.Key.Region, g.Key.Status, Count = g.Count(), People = g.Sum(c => c.HouseholdSize) })
            .ToListAsync(cancellationToken);
        var optedOut = await db.Citizens.NotInDrills().CountAsync(c => c.OptedOut, cancellationToken);
        var unreachable = await db.Citizens.NotInDrills().CountAsync(
            c => (c.TelegramChatId == null || c.TelegramUnreachable) && (c.Phone == null || c.SmsUnreachable), cancellationToken);

        var byStatus = Enum.GetValues<JourneyStatus>().ToDictionary(s => s.ToString(), _ => 0);
        var peopleByStatus = Enum.GetValues<JourneyStatus>().ToDictionary(s => s.ToString(), _ => 0);
        var byRegion = new SortedDictionary<string, Dictionary<string, int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var g in groups)
        {
            var status = g.Status.ToString();
            byStatus[status] += g.Count;
            peopleByStatus[status] += g.People;
            var region = g.Region ?? NoRegion;
            if (!byRegion.TryGetValue(region, out var counts))
            {
                counts = Enum.GetValues<JourneyStatus>().ToDictionary(s => s.ToString(), _ => 0);
                byRegion[region] = counts;
            }
            counts[status] += g.Count;
        }
        return TypedResults.Ok(new StatsView(
            byStatus.Values.Sum(),
            byStatus,
            new Dictionary<string, Dictionary<string, int>>(byRegion, StringComparer.OrdinalIgnoreCase),
            optedOut,
            unreachable,
            peopleByStatus.Values.Sum(),
            peopleByStatus));
    }
}
