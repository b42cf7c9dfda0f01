using System.Globalization;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Routes;

namespace Evacuation.Host.Broadcasts;

/// <summary>What fan-out reads of one citizen: enough to choose channels and write their message.</summary>
public sealed record Recipient(
    Guid Id,
    string Name,
    string Language,
    string? Phone,
    long? TelegramChatId,
    bool TelegramUnreachable,
    bool SmsUnreachable,
    string? Region,
    string? AssignedCrossing,
    double? Latitude,
    double? Longitude,
    string? CheckInToken)
{
    public bool HasTelegram => TelegramChatId is not null && !TelegramUnreachable;

    public bool HasSms => Phone is not null && !SmsUnreachable;

    public string AddressOn(ChannelKind channel) =>
        channel == ChannelKind.Telegram ? TelegramChatId!.Value.ToString(CultureInfo.InvariantCulture) : Phone!;

    /// <summary>
    /// The pending deliveries of <paramref name="text"/> to this citizen on the channels the broadcast's policy picks
    /// (none when the citizen has no usable channel). Telegram copies of built-in kinds carry the reply buttons.
    /// </summary>
    public IEnumerable<Delivery> DeliveriesOf(Broadcast broadcast, string text, DateTime now) =>
        broadcast.ChannelsFor(HasTelegram, HasSms).Select(channel =>
            DeliveryOn(channel, broadcast, text, channel == ChannelKind.Telegram && broadcast.Kind != BroadcastKind.Custom, now));

    /// <summary>One pending delivery with its broadcast's priority and expiry; reply buttons are labelled in the citizen's language.</summary>
    public Delivery DeliveryOn(ChannelKind channel, Broadcast broadcast, string text, bool withReplyButtons, DateTime now) => new()
    {
        BroadcastId = broadcast.Id,
        CitizenId = Id,
        Channel = channel,
        Address = AddressOn(channel),
        Text = text,
        WithReplyButtons = withReplyButtons,
        Keyboard = withReplyButtons ? Keyboards.In(Keyboards.ReplyCodes, Language) : null,
        State = DeliveryState.Pending,
        Priority = broadcast.Priority,
        ExpiresAt = broadcast.ExpiresAt,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    public static IQueryable<Recipient> From(IQueryable<Citizen> citizens) =>
        citizens.Select(c => new Recipient(c.Id, c.Name, c.Language, c.Phone, c.TelegramChatId, c.TelegramUnreachable,
            c.SmsUnreachable, c.Region, c.AssignedCrossing, c.Latitude, c.Longitude, c.CheckInToken));

    /// <summary>
    /// The values for this citizen's template, written at <paramref name="at"/> by <paramref name="signature"/>: their
    /// crossing's name in their language and directions to it from their shared location or region centre. Both are
    /// empty while no crossing is assigned.
    /// </summary>
    public MessageValues Values(CrossingsFile crossings, CrossingAssignment places, Signature signature, DateTime at)
    {
        if (AssignedCrossing is null || !crossings.TryFindCrossing(AssignedCrossing, out var crossing))
        {
            return new MessageValues(Language, Name) { Signature = signature, At = at, CheckInToken = CheckInToken };
        }
        var from = places.OriginOf(Latitude, Longitude, Region);
        var directions = from is { } origin ? RouteDirections.Describe(crossing, origin, Language) : null;
        return new MessageValues(Language, Name, crossing.DisplayName(Language), directions) { Signature = signature, At = at, CheckInToken = CheckInToken };
    }
}
