using System.Globalization;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Data;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// Queues one message to one citizen (an acknowledgement, route instructions, an enrolment question) through the
/// outbox like every other message: same dispatchers, pacing, retries and timeline. Each answer is its own small
/// <see cref="BroadcastKind.Custom"/> broadcast, already fanned out, because a delivery is unique per broadcast,
/// citizen and channel. The caller saves and commits; then it pulses <see cref="DeliveryPulse"/>.
/// </summary>
public static class Answers
{
    /// <summary>The <see cref="Broadcast.CreatedBy"/> of answers, so reports can tell them from operator broadcasts.</summary>
    public const string CreatedBy = Authors.Answers;

    public static Delivery Queue(EvacuationDb db, Citizen citizen, ChannelKind channel, string text, DateTime now, TimeSpan giveUpAfter, string? keyboard = null)
    {
        var (broadcast, delivery) = Build(citizen, channel, text, now, giveUpAfter, keyboard);
        db.Broadcasts.Add(broadcast);
        db.Deliveries.Add(delivery);
        return delivery;
    }

    /// <summary>The same, collected in <paramref name="rows"/> for one bulk insert with others.</summary>
    public static Delivery Queue(RowsToInsert rows, Citizen citizen, ChannelKind channel, string text, DateTime now, TimeSpan giveUpAfter, string? keyboard = null)
    {
        var (broadcast, delivery) = Build(citizen, channel, text, now, giveUpAfter, keyboard);
        rows.Broadcasts.Add(broadcast);
        rows.Deliveries.Add(delivery);
        return delivery;
    }

    static (Broadcast, Delivery) Build(Citizen citizen, ChannelKind channel, string text, DateTime now, TimeSpan giveUpAfter, string? keyboard)
    {
        var broadcast = Broadcast.FannedOut(
            BroadcastKind.Custom, channel == ChannelKind.Telegram ? ChannelPolicy.Telegram : ChannelPolicy.Sms, CreatedBy, now, giveUpAfter);
        broadcast.Recipients = 1;
        var delivery = new Delivery
        {
            BroadcastId = broadcast.Id,
            CitizenId = citizen.Id,
            Channel = channel,
            Address = channel == ChannelKind.Telegram
                ? citizen.TelegramChatId?.ToString(CultureInfo.InvariantCulture) ?? ""
                : citizen.Phone ?? "",
            Text = text,
            Keyboard = Labelled(keyboard, citizen),
            State = DeliveryState.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        return (broadcast, delivery);
    }

    /// <summary>
    /// The keyboard in the citizen's language. The phone number is asked only of chats we do not know yet, whose
    /// language we do not know either: its button speaks all four.
    /// </summary>
    static string? Labelled(string? keyboard, Citizen citizen) =>
        keyboard is null or Keyboards.Contact ? keyboard : Keyboards.In(keyboard, citizen.Language);
}
