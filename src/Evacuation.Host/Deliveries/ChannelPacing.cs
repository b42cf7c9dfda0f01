using Evacuation.Channels.Telegram;
using Evacuation.Channels.Twilio;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// One pacer per channel, shared by all its dispatchers (docs/architecture.md, "How a message travels": pacing): Telegram at
/// <c>Telegram:MessagesPerSecond</c> bot-wide plus one message per second per chat; SMS at
/// <c>Twilio:SegmentsPerSecond</c> counted in segments. Sandbox channels are paced the same, so a drill behaves
/// like the real thing.
/// </summary>
/// <remarks>
/// Pacing runs on the real clock even when the rest of the service runs on a test clock: it is about the
/// providers' real-world limits, and a paused test clock would otherwise stop every send.
/// </remarks>
public sealed class ChannelPacing
{
    readonly bool enabled;
    readonly TimeProvider clock = TimeProvider.System;
    Pacer telegram;
    readonly ChatSpacing chats;
    readonly Pacer sms;

    public ChannelPacing(IOptions<DeliveriesOptions> deliveries, IOptions<TelegramOptions> telegramOptions, IOptions<TwilioOptions> twilioOptions)
    {
        enabled = deliveries.Value.Pacing;
        telegram = new Pacer(telegramOptions.Value.MessagesPerSecond, clock);
        chats = new ChatSpacing(clock);
        sms = new Pacer(twilioOptions.Value.SegmentsPerSecond, clock);
    }

    /// <summary>Messages (Telegram) or segments (SMS) per second, or null when pacing is off.</summary>
    public double? RateOf(ChannelKind channel) => !enabled ? null : channel == ChannelKind.Telegram ? telegram.UnitsPerSecond : sms.UnitsPerSecond;

    /// <summary>Waits until <paramref name="message"/> may be sent.</summary>
    public async ValueTask WaitAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (!enabled)
        {
            return;
        }
        if (message.Channel == ChannelKind.Telegram)
        {
            await chats.WaitAsync(message.Address, cancellationToken);
            await telegram.WaitAsync(1, cancellationToken);
        }
        else
        {
            await sms.WaitAsync(SmsSegments.Of(message.Text).Count, cancellationToken);
        }
    }

    /// <summary>
    /// Telegram refused a paid broadcast (<see cref="Evacuation.Channels.Telegram.PaidBroadcasts"/>): from now on at most
    /// <paramref name="messagesPerSecond"/>. Sends already waiting keep the slots they were given.
    /// </summary>
    public void SlowTelegramTo(double messagesPerSecond)
    {
        if (telegram.UnitsPerSecond > messagesPerSecond)
        {
            telegram = new Pacer(messagesPerSecond, clock);
        }
    }

    /// <summary>A provider asked us to slow down: nobody on <paramref name="channel"/> sends for <paramref name="wait"/>.</summary>
    public void Pause(ChannelKind channel, TimeSpan wait)
    {
        var until = clock.GetUtcNow() + wait;
        (channel == ChannelKind.Telegram ? telegram : sms).PauseUntil(until);
    }
}
