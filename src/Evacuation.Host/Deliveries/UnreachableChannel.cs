using System.Globalization;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// What happens when a channel cannot carry a message to a citizen: the provider says it can never reach them (a
/// dispatcher's answer or a Twilio receipt), or a Telegram message failed for good; either may send it on the other channel.
/// </summary>
public static class UnreachableChannel
{
    /// <summary>
    /// The provider says this channel can never reach the citizen: remember it, and under the Preferred policy
    /// queue the same text on the other channel if the citizen has one. The unique key makes this idempotent.
    /// </summary>
    public static async Task MarkAsync(
        EvacuationDb db, Delivery delivery, BroadcastKind kind, ChannelPolicy policy, DateTime now, CancellationToken cancellationToken)
    {
        var citizen = await db.Citizens.SingleOrDefaultAsync(c => c.Id == delivery.CitizenId, cancellationToken);
        if (citizen is null)
        {
            return;
        }
        if (delivery.Channel == ChannelKind.Telegram)
        {
            citizen.TelegramUnreachable = true;
        }
        else
        {
            citizen.SmsUnreachable = true;
        }
        citizen.UpdatedAt = now;
        db.CitizenEvents.Add(new CitizenEvent
        {
            CitizenId = citizen.Id,
            At = now,
            Kind = CitizenEventKind.DeliveryChanged,
            Actor = "system",
            Detail = $"{delivery.Channel} cannot reach this citizen any more",
        });
        if (Fallback.After(delivery.Channel, policy, citizen.HasUsableTelegram, citizen.HasUsableSms) is { } other)
        {
            await QueueOnAsync(db, other, delivery, citizen, kind, now, cancellationToken);
        }
    }

    /// <summary>
    /// A Telegram message failed for good (not unreachable: "chat not found", retries exhausted): under the Preferred
    /// policy the same text goes by SMS when the citizen has a phone (<see cref="Fallback.AfterFailure"/>).
    /// </summary>
    public static async Task FallBackAfterFailureAsync(
        EvacuationDb db, Delivery delivery, BroadcastKind kind, ChannelPolicy policy, DateTime now, CancellationToken cancellationToken)
    {
        if (Fallback.AfterFailure(delivery.Channel, policy, hasSms: true) is null)
        {
            return; // decided without reading the citizen: most failures are under other policies or on SMS
        }
        var citizen = await db.Citizens.SingleOrDefaultAsync(c => c.Id == delivery.CitizenId, cancellationToken);
        if (citizen is not null && Fallback.AfterFailure(delivery.Channel, policy, citizen.HasUsableSms) is { } other)
        {
            await QueueOnAsync(db, other, delivery, citizen, kind, now, cancellationToken);
        }
    }

    /// <summary>The same text on <paramref name="other"/>, once per broadcast and citizen: the unique key makes this idempotent.</summary>
    static async Task QueueOnAsync(
        EvacuationDb db, ChannelKind other, Delivery delivery, Citizen citizen, BroadcastKind kind, DateTime now, CancellationToken cancellationToken)
    {
        var exists = await db.Deliveries.AnyAsync(
            d => d.BroadcastId == delivery.BroadcastId && d.CitizenId == citizen.Id && d.Channel == other, cancellationToken)
            || db.Deliveries.Local.Any(d => d.BroadcastId == delivery.BroadcastId && d.CitizenId == citizen.Id && d.Channel == other);
        if (exists)
        {
            return;
        }
        db.Deliveries.Add(new Delivery
        {
            BroadcastId = delivery.BroadcastId,
            CitizenId = citizen.Id,
            Channel = other,
            Address = other == ChannelKind.Telegram ? citizen.TelegramChatId!.Value.ToString(CultureInfo.InvariantCulture) : citizen.Phone!,
            Text = delivery.Text,
            WithReplyButtons = other == ChannelKind.Telegram && kind != BroadcastKind.Custom,
            Keyboard = other == ChannelKind.Telegram && kind != BroadcastKind.Custom ? Keyboards.In(Keyboards.ReplyCodes, citizen.Language) : null,
            State = DeliveryState.Pending,
            Priority = delivery.Priority,
            ExpiresAt = delivery.ExpiresAt,
            NextAttemptAt = now,
            CreatedAt = now,
        });
    }
}
