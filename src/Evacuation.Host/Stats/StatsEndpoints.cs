using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Host.Operators;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Stats;

/// <summary>
/// <c>GET /api/stats</c>: how many citizens are where on their way out, overall and by region; and
/// <c>GET /api/stats/timeline</c>: confirmed departures over time (<see cref="ConfirmationTimeline"/>). Both are
/// the first from the citizens' counters (exact at every call), the timeline through <see cref="SharedCounts"/>: with many citizens, at most once a second for every caller.
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
        Dictionary<string, int> PeopleByStatus,
        DateTime AsOf);

    public static IEndpointRouteBuilder MapStats(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats", GetAsync).WithTags("Stats").RequireAuthorization(Roles.Viewer);
        app.MapGet("/api/stats/timeline", async (SharedCounts shared, CancellationToken cancellationToken) =>
                TypedResults.Ok((await shared.ReadAsync("timeline", null, t => t.Points[^1].Departed, ConfirmationTimeline.ReadAsync, cancellationToken)).Value))
            .WithTags("Stats").RequireAuthorization(Roles.Viewer);
        return app;
    }

    /// <summary>Exact at every call and cheap however many citizens (<see cref="CitizenCounts"/>), so not shared.</summary>
    static async Task<IResult> GetAsync(EvacuationDb db, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CountAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken));

    static async Task<StatsView> CountAsync(EvacuationDb db, DateTime asOf, CancellationToken cancellationToken)
    {
        var groups = await CitizenCounts.ReadAsync(db, cancellationToken);
        var optedOut = (int)groups.Sum(g => g.OptedOut);
        var unreachable = (int)groups.Sum(g => g.Unreachable);

        var byStatus = Enum.GetValues<JourneyStatus>().ToDictionary(s => s.ToString(), _ => 0);
        var peopleByStatus = Enum.GetValues<JourneyStatus>().ToDictionary(s => s.ToString(), _ => 0);
        var byRegion = new SortedDictionary<string, Dictionary<string, int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var g in groups)
        {
            var status = g.Status;
            byStatus[status] += (int)g.Citizens;
            peopleByStatus[status] += (int)g.People;
            var region = g.Region.Length == 0 ? NoRegion : g.Region;
            if (!byRegion.TryGetValue(region, out var counts))
            {
                counts = Enum.GetValues<JourneyStatus>().ToDictionary(s => s.ToString(), _ => 0);
                byRegion[region] = counts;
            }
            counts[status] += (int)g.Citizens;
        }
        return new StatsView(
            byStatus.Values.Sum(),
            byStatus,
            new Dictionary<string, Dictionary<string, int>>(byRegion, StringComparer.OrdinalIgnoreCase),
            optedOut,
            unreachable,
            peopleByStatus.Values.Sum(),
            peopleByStatus,
            asOf);
    }
}
