namespace Evacuation.Core.Deliveries;

/// <summary>
/// Status only moves forward (docs/architecture.md, "How a message travels"): late, repeated and out-of-order news never moves a delivery
/// back, and a final state never changes.
/// </summary>
public static class DeliveryMoves
{
    public static bool IsFinal(DeliveryState state) =>
        state is DeliveryState.Delivered or DeliveryState.Failed or DeliveryState.Undeliverable or DeliveryState.Cancelled or DeliveryState.Expired;

    /// <summary>
    /// True when a delivery in <paramref name="from"/> may become <paramref name="to"/>. The one backward step
    /// allowed is <c>Sending → Pending</c>: a retry, or a lease that expired with no answer recorded.
    /// </summary>
    public static bool CanMove(DeliveryState from, DeliveryState to) => (from, to) switch
    {
        _ when IsFinal(from) => false,
        (DeliveryState.Pending, DeliveryState.Sending or DeliveryState.Cancelled or DeliveryState.Failed or DeliveryState.Expired) => true,
        (DeliveryState.Pending, _) => false,
        (DeliveryState.Sending, DeliveryState.Sending) => false,
        (DeliveryState.Sending, _) => true,
        (DeliveryState.Sent, DeliveryState.Delivered or DeliveryState.Failed or DeliveryState.Undeliverable) => true,
        _ => false,
    };
}
