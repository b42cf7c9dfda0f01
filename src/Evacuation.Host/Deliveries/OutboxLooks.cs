using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// The two cheap questions idle workers ask of the outbox before sleeping: when is the next delivery due, and is
/// anything in flight at all. Each is one read answered from an index, so an idle service costs almost nothing.
/// </summary>
public sealed class OutboxLooks(IDbContextFactory<EvacuationDb> databases)
{
    /// <summary>When the channel's next pending delivery falls due (now or past when one is due), or null when none is pending.</summary>
    public async Task<DateTime?> NextDueAsync(ChannelKind channel, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Deliveries
            .Where(d => d.Channel == channel && d.State == DeliveryState.Pending)
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => (DateTime?)d.NextAttemptAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Whether the sweeper has anything to watch: a broadcast sending, or a delivery pending or in flight. One read;
    /// an idle service answers it from two indexes.
    /// </summary>
    public async Task<bool> AnythingInFlightAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var channels = ChannelKinds.Outbound.ToList();
        var open = new[] { DeliveryState.Pending, DeliveryState.Sending }.ToList();
        return await db.Broadcasts.Where(b => b.State == BroadcastState.Sending).Select(b => 1)
            .Concat(db.Deliveries.Where(d => channels.Contains(d.Channel) && open.Contains(d.State)).Select(d => 1))
            .AnyAsync(cancellationToken);
    }
}
