using Evacuation.Core.Channels;

namespace Evacuation.Core.Deliveries;

/// <summary>
/// One message of one broadcast to one citizen on one channel: the outbox row dispatchers claim, send and record.
/// Everything a dispatcher needs is here (address and rendered text), so a restarted process carries on from the
/// database alone. Unique on (<see cref="BroadcastId"/>, <see cref="CitizenId"/>, <see cref="Channel"/>).
/// </summary>
public sealed class Delivery
{
    public Guid Id { get; set; } = RecordId.New();

    public Guid BroadcastId { get; set; }

    public Guid CitizenId { get; set; }

    public ChannelKind Channel { get; set; }

    /// <summary>Chat id or E.164 phone at fan-out time.</summary>
    public string Address { get; set; } = "";

    /// <summary>The text rendered for this citizen at fan-out (name, crossing, directions filled in).</summary>
    public string Text { get; set; } = "";

    /// <summary>Telegram messages of built-in kinds carry the 1-4 reply buttons.</summary>
    public bool WithReplyButtons { get; set; }

    /// <summary>A Telegram reply keyboard asking for something (<see cref="Keyboards"/>), or null.</summary>
    public string? Keyboard { get; set; }

    public DeliveryState State { get; set; }

    /// <summary><see cref="DeliveryPriority"/>: claimed lowest first, then by <see cref="NextAttemptAt"/>.</summary>
    public int Priority { get; set; } = DeliveryPriority.Bulk;

    public int Attempts { get; set; }

    /// <summary>Not sent by then, it ends <see cref="DeliveryState.Expired"/>; an SMS carries the rest as Twilio's ValidityPeriod. Null: never.</summary>
    public DateTime? ExpiresAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? LeaseUntil { get; set; }

    /// <summary>
    /// The claim that last took it, new at every claim. Recording checks it, so a claim whose lease ran out and whose
    /// row someone else claimed since never records over them. Kept when a lease is reclaimed, so a late answer to a
    /// request that did go out is still recorded while nobody has claimed the row again.
    /// </summary>
    public Guid? ClaimId { get; set; }

    public string? ProviderMessageId { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public OutboundMessage ToMessage(DateTime now) => new(Id, CitizenId, Channel, Address, Text, WithReplyButtons)
    {
        Keyboard = Keyboard,
        ValiditySeconds = Channel == ChannelKind.Sms ? Expiries.SmsValiditySeconds(ExpiresAt, now) : null,
    };
}
