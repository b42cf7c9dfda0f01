using Evacuation.Channels.Telegram;
using Evacuation.Channels.Twilio;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// One pacer per channel, shared by all its dispatchers (docs/architecture.md, "How a message travels": pacing): Telegram at
/// <c>Telegram:MessagesPerSecond</c> bot-wide plus one message per second per chat, each message counted until a second
/// after Telegram answered it (<see cref="RateWindow.Counting.UntilAnswered"/>: Telegram counts arrivals, and refuses a
/// burst with 429); SMS at <c>Twilio:SegmentsPerSecond</c> counted in segments from their start (Twilio queues what
/// arrives faster). Sandbox channels are paced the same, so a drill behaves
/// like the real thing.
/// </summary>
/// <remarks>
/// Pacing runs on the real clock even when the rest of the service runs on a test clock: it is about the
/// providers' real-world limits, and a paused test clock would otherwise stop every send.
/// </remarks>
public sealed class ChannelPacing
{
    readonly bool enabled;
    readonly TimeProvider clock;
    Pacer telegram;
    readonly ChatSpacing chats;
    readonly Pacer sms;

    public ChannelPacing(IOptions<DeliveriesOptions> deliveries, IOptions<TelegramOptions> telegramOptions, IOptions<TwilioOptions> twilioOptions)
        : this(deliveries.Value.Pacing, telegramOptions.Value.MessagesPerSecond, twilioOptions.Value.SegmentsPerSecond, TimeProvider.System)
    {
    }

    ChannelPacing(bool enabled, double telegramRate, double smsRate, TimeProvider clock)
    {
        this.enabled = enabled;
        this.clock = clock;
        telegram = new Pacer(telegramRate, clock, TelegramCounting);
        chats = new ChatSpacing(clock);
        sms = new Pacer(smsRate, clock);
    }

    const RateWindow.Counting TelegramCounting = RateWindow.Counting.UntilAnswered;

    /// <summary>Pacing on <paramref name="clock"/> (tests drive it with a fake clock).</summary>
    public static ChannelPacing On(TimeProvider clock, double telegramMessagesPerSecond, double smsSegmentsPerSecond) =>
        new(true, telegramMessagesPerSecond, smsSegmentsPerSecond, clock);

    /// <summary>The pacing clock's time: limits passed to <see cref="WaitAsync"/> are on it.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Messages (Telegram) or segments (SMS) per second, or null when pacing is off.</summary>
    public double? RateOf(ChannelKind channel) => !enabled ? null : channel == ChannelKind.Telegram ? telegram.UnitsPerSecond : sms.UnitsPerSecond;

    /// <summary>What the pacer counts for <paramref name="message"/>: one Telegram message, or its SMS segments.</summary>
    public static int UnitsOf(OutboundMessage message) =>
        message.Channel == ChannelKind.Telegram ? 1 : SmsSegments.Of(message.Text).Count;

    /// <summary>
    /// Waits until <paramref name="message"/> may be sent, taking turns by <paramref name="priority"/>: the started send
    /// when it may go now (report its answer, or that it was not sent after all: <see cref="Pacer.PacedSend.Answered"/>);
    /// null when it must not be sent yet and goes back to the queue: its Telegram chat is still busy after
    /// waiting out one chat second (one message a second per chat; a message waits at most one such second, so a chat
    /// with many queued messages never holds the others), or no slot comes before <paramref name="giveUpAt"/> (its
    /// claim would not hold that long).
    /// </summary>
    public async ValueTask<Pacer.PacedSend?> WaitAsync(OutboundMessage message, int priority, DateTimeOffset giveUpAt, CancellationToken cancellationToken)
    {
        if (!enabled)
        {
            return Pacer.PacedSend.Unpaced;
        }
        if (message.Channel != ChannelKind.Telegram)
        {
            return await sms.StartAsync(UnitsOf(message), priority, giveUpAt, cancellationToken);
        }
        if (chats.TryTake(message.Address) is { } busyUntil)
        {
            // Waiting out the rest of the chat's second holds no other send (each waits on its own); a chat that is
            // busy again after that has several messages queued, and the others go back to the queue.
            await Pacer.DelayUntil(clock, busyUntil, cancellationToken);
            if (chats.TryTake(message.Address) is not null)
            {
                return null;
            }
        }
        if (await telegram.StartAsync(1, priority, giveUpAt, cancellationToken) is not { } started)
        {
            return null;
        }
        chats.Sent(message.Address);
        return started;
    }

    /// <summary>
    /// Telegram refused a paid broadcast (<see cref="Evacuation.Channels.Telegram.PaidBroadcasts"/>): from now on at most
    /// <paramref name="messagesPerSecond"/>. Sends already waiting keep the slots they were given.
    /// </summary>
    public void SlowTelegramTo(double messagesPerSecond)
    {
        if (telegram.UnitsPerSecond > messagesPerSecond)
        {
            telegram = new Pacer(messagesPerSecond, clock, TelegramCounting);
        }
    }

    /// <summary>A provider asked us to slow down: nobody on <paramref name="channel"/> sends for <paramref name="wait"/>.</summary>
    public void Pause(ChannelKind channel, TimeSpan wait)
    {
        var until = clock.GetUtcNow() + wait;
        (channel == ChannelKind.Telegram ? telegram : sms).PauseUntil(until);
    }
}
