using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;

namespace Evacuation.Core.Broadcasts;

/// <summary>Which of a broadcast's counters one recipient adds to (docs/api.md, "Broadcasts").</summary>
[Flags]
public enum RecipientCounts
{
    None = 0,
    Sent = 1,
    Delivered = 2,
    Failed = 4,
    Cancelled = 8,
    Confirmed = 16,
    Expired = 32,
}

/// <summary>
/// What a broadcast's deliveries to one citizen say, over all channels (at most one delivery per channel):
/// kept beside the counters so a reply or a status change can be counted without reading the deliveries again.
/// </summary>
public sealed record RecipientDeliveries(bool Sent, bool DeliveredByReceipt, bool Open, bool Cancelled, bool Expired,
    DateTime? FirstSentAt, DateTime? TelegramSentAt)
{
    public static RecipientDeliveries? Of(IEnumerable<(ChannelKind Channel, DeliveryState State, DateTime? SentAt)> deliveries)
    {
        var list = deliveries.ToList();
        if (list.Count == 0)
        {
            return null;
        }
        return new RecipientDeliveries(
            list.Any(d => d.State is DeliveryState.Sent or DeliveryState.Delivered),
            list.Any(d => d.State == DeliveryState.Delivered),
            list.Any(d => d.State is DeliveryState.Pending or DeliveryState.Sending),
            list.Any(d => d.State == DeliveryState.Cancelled),
            list.Any(d => d.State == DeliveryState.Expired),
            list.Where(d => d.SentAt is not null).Min(d => d.SentAt),
            list.Where(d => d.Channel == ChannelKind.Telegram && d.State == DeliveryState.Sent).Min(d => d.SentAt));
    }
}

/// <summary>The citizen's side of the counters: confirmed is "Departed now, with a status change after the first send".</summary>
public sealed record RecipientFacts(JourneyStatus Status, DateTime? StatusChangedAt, DateTime? RepliedAt);

/// <summary>
/// One recipient's part of a broadcast's counters, the same rules as counting every delivery afresh: sent when any channel
/// accepted the message; delivered on a provider receipt, or for Telegram (which has no receipts) once the citizen
/// replied after it was sent; with nothing open or sent, cancelled if any was cancelled, else expired if any expired,
/// else failed; confirmed when sent, Departed now, and the status changed after the first send. No deliveries, or
/// no citizen (erased), counts nothing.
/// </summary>
public static class RecipientTally
{
    public static RecipientCounts Of(RecipientDeliveries? deliveries, RecipientFacts? citizen)
    {
        if (deliveries is null || citizen is null)
        {
            return RecipientCounts.None;
        }
        var counts = RecipientCounts.None;
        if (deliveries.DeliveredByReceipt || citizen.RepliedAt >= deliveries.TelegramSentAt)
        {
            counts |= RecipientCounts.Delivered;
        }
        if (deliveries.Sent)
        {
            counts |= RecipientCounts.Sent;
            if (citizen.Status == JourneyStatus.Departed && citizen.StatusChangedAt >= deliveries.FirstSentAt)
            {
                counts |= RecipientCounts.Confirmed;
            }
        }
        else if (!deliveries.Open)
        {
            counts |= deliveries.Cancelled ? RecipientCounts.Cancelled : deliveries.Expired ? RecipientCounts.Expired : RecipientCounts.Failed;
        }
        return counts;
    }

    /// <summary>How much each counter moves when a recipient's part goes from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static CounterMoves Moves(RecipientCounts before, RecipientCounts after) => new(
        Move(before, after, RecipientCounts.Sent),
        Move(before, after, RecipientCounts.Delivered),
        Move(before, after, RecipientCounts.Failed),
        Move(before, after, RecipientCounts.Cancelled),
        Move(before, after, RecipientCounts.Confirmed),
        Move(before, after, RecipientCounts.Expired));

    static int Move(RecipientCounts before, RecipientCounts after, RecipientCounts counter) =>
        (after.HasFlag(counter) ? 1 : 0) - (before.HasFlag(counter) ? 1 : 0);
}

/// <summary>Changes to a broadcast's six counters.</summary>
public readonly record struct CounterMoves(long Sent, long Delivered, long Failed, long Cancelled, long Confirmed, long Expired)
{
    public bool IsNone => this == default;

    public static CounterMoves operator +(CounterMoves a, CounterMoves b) => new(
        a.Sent + b.Sent, a.Delivered + b.Delivered, a.Failed + b.Failed, a.Cancelled + b.Cancelled, a.Confirmed + b.Confirmed, a.Expired + b.Expired);
}
