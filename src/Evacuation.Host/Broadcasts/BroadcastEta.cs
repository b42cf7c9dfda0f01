using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Host.Deliveries;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Broadcasts;

/// <summary>
/// How long a broadcast takes to reach everyone at the configured pacing (<see cref="ChannelEta"/>): before it is sent,
/// from its estimate and the queue already waiting at its priority or higher; while it is sending, from what it has
/// left and what still waits ahead of it.
/// </summary>
public static class BroadcastEta
{
    /// <summary>For a broadcast about to be stored (or a dry run) that starts at <paramref name="start"/>.</summary>
    public static async Task<IReadOnlyList<ChannelEta>> BeforeSendingAsync(
        EvacuationDb db, BroadcastEstimate estimate, int priority, DateTime? expiresAt, DateTime start, ChannelPacing pacing, CancellationToken cancellationToken)
    {
        var queued = Waiting(db).Where(d => d.Priority <= priority);
        var left = expiresAt - start;
        var telegram = estimate.ByChannel["telegram"];
        return
        [
            ChannelEta.Of("telegram", telegram, telegram, await queued.LongCountAsync(d => d.Channel == ChannelKind.Telegram, cancellationToken), pacing.RateOf(ChannelKind.Telegram), left),
            ChannelEta.Of("sms", estimate.ByChannel["sms"], estimate.TotalSmsSegments, await SegmentsAsync(queued.Where(d => d.Channel == ChannelKind.Sms), cancellationToken), pacing.RateOf(ChannelKind.Sms), left),
        ];
    }

    /// <summary>For a broadcast being sent: its own unsent messages, behind higher priorities and older broadcasts of its own.</summary>
    public static async Task<IReadOnlyList<ChannelEta>> WhileSendingAsync(EvacuationDb db, Broadcast broadcast, DateTime now, ChannelPacing pacing, CancellationToken cancellationToken)
    {
        var waiting = Waiting(db);
        var own = waiting.Where(d => d.BroadcastId == broadcast.Id);
        var ahead = waiting.Where(d => d.BroadcastId != broadcast.Id
            && (d.Priority < broadcast.Priority || (d.Priority == broadcast.Priority && d.CreatedAt < broadcast.CreatedAt)));
        var left = broadcast.ExpiresAt - now;
        var etas = new List<ChannelEta>();
        foreach (var channel in ChannelKinds.Outbound)
        {
            var mine = own.Where(d => d.Channel == channel);
            var recipients = await mine.CountAsync(cancellationToken);
            var before = ahead.Where(d => d.Channel == channel);
            var name = channel == ChannelKind.Telegram ? "telegram" : "sms";
            etas.Add(channel == ChannelKind.Telegram
                ? ChannelEta.Of(name, recipients, recipients, await before.LongCountAsync(cancellationToken), pacing.RateOf(channel), left)
                : ChannelEta.Of(name, recipients, await SegmentsAsync(mine, cancellationToken), await SegmentsAsync(before, cancellationToken), pacing.RateOf(channel), left));
        }
        return etas;
    }

    static IQueryable<Delivery> Waiting(EvacuationDb db) =>
        db.Deliveries.AsNoTracking().Where(d => d.State == DeliveryState.Pending || d.State == DeliveryState.Sending);

    /// <summary>SMS segments of the queued texts, each distinct text measured once.</summary>
    static async Task<long> SegmentsAsync(IQueryable<Delivery> sms, CancellationToken cancellationToken) =>
        (await sms.GroupBy(d => d.Text).Select(g => new { Text = g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken))
        .Sum(g => SmsSegments.Of(g.Text).Count * g.Count);
}
