using Evacuation.Core.Broadcasts;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Stats;

/// <summary>
/// A broadcast's counters for its answers (<c>GET /api/broadcasts/{id}</c>, a cancel, the end-of-broadcast log line).
/// Small broadcasts are counted afresh; large ones (<see cref="StatsOptions.ExactUpTo"/>) are read from the folded
/// counters, whose <c>asOf</c> is now when no change waits to be folded, else the time of the oldest change waiting.
/// </summary>
public sealed class BroadcastProgress(SharedCounts shared, IOptions<StatsOptions> options, TimeProvider time)
{
    public async Task<SharedCounts.Counted<BroadcastCounts>> ReadAsync(EvacuationDb db, Broadcast broadcast, CancellationToken cancellationToken)
    {
        if (broadcast.Recipients < options.Value.ExactUpTo)
        {
            return await shared.ReadAsync($"broadcast:{broadcast.Id}", broadcast.Recipients, _ => 0,
                (counting, _, ct) => BroadcastCounts.OfAsync(counting, broadcast.Id, ct), cancellationToken);
        }
        // asOf first: whatever the counters say after it includes everything folded by then.
        var asOf = await AsOfAsync(db, cancellationToken);
        var counter = await db.BroadcastCounters.AsNoTracking().SingleOrDefaultAsync(c => c.BroadcastId == broadcast.Id, cancellationToken)
            ?? new BroadcastCounter { BroadcastId = broadcast.Id };
        return new(new BroadcastCounts(counter.Sent, counter.Delivered, counter.Failed, counter.Cancelled, counter.Confirmed, counter.Expired), asOf);
    }

    /// <summary>Now when nothing waits to be folded; else when the oldest waiting change's transaction began.</summary>
    async Task<DateTime> AsOfAsync(EvacuationDb db, CancellationToken cancellationToken) =>
        await db.CountChanges.AsNoTracking().OrderBy(c => c.Id).Select(c => (DateTime?)c.At).FirstOrDefaultAsync(cancellationToken)
        ?? time.GetUtcNow().UtcDateTime;
}
