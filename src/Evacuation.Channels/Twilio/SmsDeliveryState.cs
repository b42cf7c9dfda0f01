namespace Evacuation.Channels.Twilio;

/// <summary>
/// Where one SMS is on its way (DESIGN.md section 2), in forward order. <see cref="Delivered"/>, <see cref="Failed"/>
/// and <see cref="Undeliverable"/> are final.
/// </summary>
public enum SmsDeliveryState
{
    Pending,
    Sending,
    Sent,
    Delivered,

    /// <summary>This message did not arrive; the number may work another time (handset off, carrier filter, unknown).</summary>
    Failed,

    /// <summary>The number cannot receive SMS (unknown handset, landline): fall back to the other channel.</summary>
    Undeliverable,
}
