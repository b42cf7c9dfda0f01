using System.Globalization;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// Queues one message to one citizen (an acknowledgement, route instructions, an enrolment question) through the
/// outbox like every other message: same dispatchers, pacing, retries and timeline. Each answer is its own small
/// <see cref="BroadcastKind.Custom"/> broadcast, already fanned out, because a delivery is unique per broadcast,
/// citizen and channel. Answers go first (<see cref="DeliveryPriority.Answer"/>) and expire after
/// <see cref="Expiries.Answer"/>. The caller saves and commits; then it
/// pulses <see cref="DeliveryPulse"/>.
/// </summary>
public static class Answers
{
    /// <summary>The <see cref="Broadcast.CreatedBy"/> of answers, so reports can tell them from operator broadcasts.</summary>
    public const string CreatedBy = Authors.Answers;

    public static Delivery Queue(EvacuationDb db, Citizen citizen, ChannelKind channel, string text, DateTime now, string? keyboard = null, int priority = DeliveryPriority.Answer)
    {
        var (broadcast, delivery) = Build(citizen, channel, text, now, keyboard, priority);
        db.Broadcasts.Add(broadcast);
        db.Deliveries.Add(delivery);
        return delivery;
    }

    /// <summary>The same, collected in <paramref name="rows"/> for one bulk insert with others.</summary>
    public static Delivery Queue(RowsToInsert rows, Citizen citizen, ChannelKind channel, string text, DateTime now, string? keyboard = null, int priority = DeliveryPriority.Answer)
    {
        var (broadcast, delivery) = Build(citizen, channel, text, now, keyboard, priority);
        rows.Broadcasts.Add(broadcast);
        rows.Deliveries.Add(delivery);
        return delivery;
    }

    public const string Replaced = "replaced by a newer answer before it was sent";

    /// <summary>
    /// At most one unsent answer per chat (or phone) and channel: older answers to the same address still waiting are
    /// cancelled, so a citizen who writes ten times gets the answer to the last message, not ten answers in a row
    /// (each a second apart on Telegram). The claim index (channel, state, priority) finds the few waiting answers.
    /// </summary>
    public static Task<int> ReplaceUnsentAsync(EvacuationDb db, Delivery newer, CancellationToken cancellationToken) =>
        db.Deliveries
            .Where(d => d.Channel == newer.Channel && d.State == DeliveryState.Pending && d.Priority == DeliveryPriority.Answer
                && d.Address == newer.Address && d.Id != newer.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, DeliveryState.Cancelled)
                .SetProperty(d => d.LastError, Replaced), cancellationToken);

    static (Broadcast, Delivery) Build(Citizen citizen, ChannelKind channel, string text, DateTime now, string? keyboard, int priority)
    {
        var broadcast = Broadcast.FannedOut(
            BroadcastKind.Custom, channel == ChannelKind.Telegram ? ChannelPolicy.Telegram : ChannelPolicy.Sms, CreatedBy, now, priority,
            priority == DeliveryPriority.Answer ? Expiries.Answer : null);
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
            Priority = priority,
            ExpiresAt = broadcast.ExpiresAt,
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
