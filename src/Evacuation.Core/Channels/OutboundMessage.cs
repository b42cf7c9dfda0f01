namespace Evacuation.Core.Channels;

/// <summary>
/// One message to one citizen on one channel. <see cref="DeliveryId"/> is ours and travels with the message
/// (Twilio's StatusCallback carries it) so a lost provider answer can still be matched later.
/// </summary>
public sealed record OutboundMessage(
    Guid DeliveryId,
    Guid CitizenId,
    ChannelKind Channel,
    string Address,
    string Text,
    bool WithReplyButtons = false)
{
    /// <summary>A Telegram keyboard asking the citizen for something (<see cref="Deliveries.Keyboards"/>), or null.</summary>
    public string? Keyboard { get; init; }

    /// <summary>SMS only: seconds Twilio may keep it queued before dropping it unsent (its ValidityPeriod); null: Twilio's default.</summary>
    public int? ValiditySeconds { get; init; }
}
