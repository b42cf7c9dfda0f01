using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// <c>Deliveries:DispatchersPerChannel</c> loops per channel. Each claims a batch of due deliveries, sends them
/// concurrently through the channel's pacer, and records every answer in one transaction. A channel that
/// answers Misconfigured is stopped: its loops end and its deliveries stay pending.
/// </summary>
public sealed class Dispatchers(
    IServiceProvider services,
    Outbox outbox,
    ChannelPacing pacing,
    ChannelStops stops,
    DeliveryPulse pulse,
    TimeProvider time,
    IOptions<DeliveriesOptions> options,
    ILogger<Dispatchers> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enum.GetValues<ChannelKind>()
            .SelectMany(kind => Enumerable.Range(0, options.Value.DispatchersPerChannel).Select(_ => kind))
            .Select(kind => Task.Run(() => RunAsync(kind, stoppingToken), stoppingToken));
        return Task.WhenAll(loops);
    }

    async Task RunAsync(ChannelKind kind, CancellationToken stoppingToken)
    {
        var channel = services.GetRequiredKeyedService<IChannel>(kind);
        var most = ClaimSize(kind);
        var batch = most;
        while (!stoppingToken.IsCancellationRequested && !stops.IsStopped(kind))
        {
            try
            {
                var woken = pulse.Next;
                var claimed = await outbox.ClaimAsync(kind, batch, stoppingToken);
                if (claimed.Count == 0)
                {
                    await Wait(woken, stoppingToken);
                    continue;
                }
                // Each send waits for its own pacing slot, in priority order; none waits for another chat's spacing.
                // No slot by half the lease: the row goes back untried rather than risk a send after the lease ran
                // out, when someone else may have claimed it.
                var giveUpAt = pacing.Now + options.Value.Lease / 2;
                var (kept, excess) = WithinBudget(kind, claimed);
                // Long SMS (many segments each): claim fewer next time rather than give rows back every time.
                batch = excess.Count > 0 ? Math.Max(1, kept.Count) : Math.Min(most, batch + 1);
                await outbox.GiveBackAsync([.. excess.Select(d => (d, (DateTime?)null))], CancellationToken.None);
                var attempts = await Task.WhenAll(kept.Select(d => SendAsync(channel, d, giveUpAt, stoppingToken)));
                await outbox.RecordAsync([.. attempts.Where(a => a.Result is not null).Select(a => (a.Delivery, a.Result!))], CancellationToken.None);
                await outbox.GiveBackAsync([.. attempts.Where(a => a.Result is null && !a.Expired).Select(a => (a.Delivery, a.TryAgainAt))], CancellationToken.None);
                await outbox.ExpireClaimedAsync([.. attempts.Where(a => a.Expired).Select(a => a.Delivery)], CancellationToken.None);
                if (claimed.Count < batch)
                {
                    // A trickle (answers to replies as they come in): let the next few gather into one claim rather
                    // than a claim and a record per message, each a turn at SQLite's single writer.
                    await Task.Delay(Gather, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database was busy or gone for a moment: the claims expire and are sent again later.
                logger.LogError(e, "{Channel} dispatcher failed; retrying", kind);
                await Wait(Task.Delay(options.Value.PollInterval, stoppingToken), stoppingToken);
            }
        }
    }

    /// <summary>What became of one claimed delivery: the provider's answer, or given back untried, to be tried again at <see cref="TryAgainAt"/> (null: at once).</summary>
    readonly record struct Attempt(Delivery Delivery, SendResult? Result, DateTime? TryAgainAt = null, bool Expired = false);

    /// <summary>
    /// Sends one delivery after its pacing slot. Given back untried when the process stopped before the provider was
    /// called, when its chat had a message less than a second ago (tried again when the chat is free), or when no slot
    /// came in time.
    /// </summary>
    async Task<Attempt> SendAsync(IChannel channel, Delivery delivery, DateTimeOffset giveUpAt, CancellationToken stoppingToken)
    {
        if (delivery.ExpiresAt <= time.GetUtcNow().UtcDateTime)
        {
            return new Attempt(delivery, null, Expired: true);
        }
        try
        {
            if (await pacing.WaitAsync(delivery.ToMessage(time.GetUtcNow().UtcDateTime), delivery.Priority, giveUpAt, stoppingToken) is { } later)
            {
                return new Attempt(delivery, null, time.GetUtcNow().UtcDateTime + (later - pacing.Now));
            }
        }
        catch (OperationCanceledException)
        {
            return new Attempt(delivery, null);
        }
        if (stops.IsStopped(channel.Kind))
        {
            return new Attempt(delivery, null);
        }
        // Built after the wait, so an SMS's ValidityPeriod counts from when it really leaves.
        var message = delivery.ToMessage(time.GetUtcNow().UtcDateTime);
        SendResult result;
        try
        {
            // Not stoppingToken: a request already on its way is let finish, so its answer is recorded.
            result = await channel.SendAsync(message, CancellationToken.None);
        }
        catch (Exception e)
        {
            // IChannel promises not to throw for a provider's answer; this is a bug, not a reason to lose the message.
            logger.LogError(e, "{Channel} channel threw while sending delivery {DeliveryId}", channel.Kind, delivery.Id);
            result = SendResult.Retry($"channel error ({e.GetType().Name})");
        }
        if (result.Outcome == SendOutcome.Retry && result.RetryAfter is { } wait)
        {
            pacing.Pause(channel.Kind, wait);
        }
        return new Attempt(delivery, result);
    }

    static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// About a second of paced sends per claim, shared among the channel's dispatchers: claims are taken often, so a
    /// newly queued urgent message is claimed within about a second, and never sit waiting long enough for their
    /// lease to run out.
    /// </summary>
    /// <summary>
    /// The claimed rows whose pacing units (messages, or SMS segments) fit in about a second of the channel's pacing
    /// per dispatcher (the first row always does), and the rest, which go straight back: a claim never holds more than
    /// can be sent well within its lease, however long the messages.
    /// </summary>
    (List<Delivery> Kept, List<Delivery> Excess) WithinBudget(ChannelKind kind, List<Delivery> claimed)
    {
        if (pacing.RateOf(kind) is not { } rate)
        {
            return (claimed, []);
        }
        var budget = Math.Max(1, rate / options.Value.DispatchersPerChannel);
        var kept = new List<Delivery>(claimed.Count);
        var units = 0;
        foreach (var delivery in claimed)
        {
            units += ChannelPacing.UnitsOf(delivery.ToMessage(DateTime.MinValue));
            if (kept.Count > 0 && units > budget)
            {
                return (kept, claimed[kept.Count..]);
            }
            kept.Add(delivery);
        }
        return (kept, []);
    }

    int ClaimSize(ChannelKind kind)
    {
        var most = options.Value.ClaimBatch;
        if (pacing.RateOf(kind) is not { } rate)
        {
            return most;
        }
        var paced = (int)(rate / options.Value.DispatchersPerChannel);
        return Math.Clamp(paced, 1, most);
    }

    async Task Wait(Task woken, CancellationToken stoppingToken)
    {
        try
        {
            await woken.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
        catch (TimeoutException)
        {
            // Time to look again anyway.
        }
    }
}
