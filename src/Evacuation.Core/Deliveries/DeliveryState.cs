namespace Evacuation.Core.Deliveries;

/// <summary>
/// Where one message to one citizen on one channel is (docs/architecture.md, "How a message travels"). Forward order:
/// <c>Pending → Sending → Sent → Delivered</c>, or one of the final failures. See <see cref="DeliveryMoves"/>.
/// </summary>
public enum DeliveryState
{
    /// <summary>Waiting for its <see cref="Delivery.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>Claimed by a dispatcher until <see cref="Delivery.LeaseUntil"/>; a request may be in flight.</summary>
    Sending,

    /// <summary>The provider accepted it.</summary>
    Sent,

    /// <summary>A provider receipt (or, for Telegram, the citizen's reply) proves it arrived. Final.</summary>
    Delivered,

    /// <summary>This message will not arrive: a permanent error, a failed receipt, or retries exhausted. Final.</summary>
    Failed,

    /// <summary>This channel cannot reach the citizen any more (bot blocked, SMS STOP). Final.</summary>
    Undeliverable,

    /// <summary>The operator cancelled the broadcast before it was sent. Final.</summary>
    Cancelled,

    /// <summary>Not sent before its broadcast's <c>expiresAt</c> (or the service's own expiry of an answer or reminder). Final.</summary>
    Expired,
}
