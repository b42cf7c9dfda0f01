using Evacuation.Core.Citizens;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;
using Evacuation.Core.Drills;

namespace Evacuation.Host.Stats;

/// <summary>
/// <c>GET /api/stats/timeline</c>: how many citizens had confirmed departure by the end of each time bucket, for the
/// dashboard's chart. A citizen counts from the time of their last status change if they are Departed now, so a
/// citizen who said "left" and later "help" is not counted as gone.
/// </summary>
public static class ConfirmationTimeline
{
    public const int Buckets = 24;

    public sealed record Point(DateTime At, int Departed);

    public sealed record TimelineView(DateTime From, DateTime To, int BucketMinutes, IReadOnlyList<Point> Points);

    public static async Task<TimelineView> ReadAsync(EvacuationDb db, DateTime now, CancellationToken cancellationToken)
    {
        var departedAt = await db.CitizenEvents.AsNoTracking()
            .Where(e => e.Kind == CitizenEventKind.StatusChanged)
            .Join(db.Citizens.NotInDrills().Where(c => c.Status == JourneyStatus.Departed), e => e.CitizenId, c => c.Id, (e, c) => e)
            .GroupBy(e => e.CitizenId)
            .Select(g => g.Max(e => e.At))
            .ToListAsync(cancellationToken);
        return Bucket(departedAt, now);
    }

    /// <summary>Cumulative counts in <see cref="Buckets"/> equal buckets from the first confirmation (or an hour ago) to now.</summary>
    public static TimelineView Bucket(IReadOnlyCollection<DateTime> departedAt, DateTime now)
    {
        var from = departedAt.Count == 0 ? now.AddHours(-1) : departedAt.Min();
        if (now - from < TimeSpan.FromHours(1))
        {
            from = now.AddHours(-1);
        }
        var minutes = (int)Math.Ceiling((now - from).TotalMinutes / Buckets);
        var width = TimeSpan.FromMinutes(minutes);
        from = now - width * Buckets;
        var sorted = departedAt.OrderBy(t => t).ToList();
        var points = new List<Point>(Buckets);
        var index = 0;
        for (var bucket = 1; bucket <= Buckets; bucket++)
        {
            var end = from + width * bucket;
            while (index < sorted.Count && sorted[index] <= end)
            {
                index++;
            }
            points.Add(new Point(end, index));
        }
        return new TimelineView(from, now, minutes, points);
    }
}
