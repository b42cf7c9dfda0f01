using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Host.Cluster;
using Evacuation.Host.Drills;
using Evacuation.Host.Metrics;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// <c>Deliveries:DispatchersPerChannel</c> loops per channel. Each claims a batch of due deliveries, sends them
/// concurrently through the channel's pacer, and records every answer in one transaction. A channel that
/// answers Misconfigured is stopped: its loops wait and its deliveries stay pending.
/// </summary>
/// <remarks>
/// Idle, the loops wait for <see cref="DeliveryPulse"/> (every in-process change to the outbox pulses it). One loop per
/// channel, its lookout, also reads when the channel's next delivery falls due (a retry) and sleeps until then, or
/// looks again after <see cref="IdleBackoff"/> for work no pulse announces; what it finds it claims and records,
/// which pulses the others awake.
/// </remarks>
public sealed class Dispatchers(
    IServiceProvider services,
    Outbox outbox,
    OutboxLooks looks,
    ChannelPacing pacing,
    SendingTurn turn,
    ServiceMetrics metrics,
    DrillSandbox drills,
    DeliveryPulse pulse,
    Withdrawals withdrawals,
    TimeProvider time,
    IOptions<DeliveriesOptions> options,
    ILogger<Dispatchers> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = ChannelKinds.Outbound
            .SelectMany(kind => Enumerable.Range(0, options.Value.DispatchersPerChannel).Select(n => (kind, lookout: n == 0)))
            .Select(loop => Task.Run(() => RunAsync(loop.kind, loop.lookout, stoppingToken), stoppingToken));
        return Task.WhenAll(loops);
    }

    async Task RunAsync(ChannelKind kind, bool lookout, CancellationToken stoppingToken)
    {
        var channel = services.GetRequiredKeyedService<IChannel>(kind);
        var most = ClaimSize(kind);
        var batch = most;
        var idle = new IdleBackoff(options.Value.PollInterval, options.Value.IdleInterval);
        // Only while this node holds the channel's sending role and the channel is not stopped (SendingTurn).
        while (await turn.WaitAsync(kind, stoppingToken))
        {
            try
            {
                var woken = pulse.Next;
                var claimed = await outbox.ClaimAsync(kind, batch, stoppingToken);
                if (claimed.Count == 0)
                {
                    await (lookout ? WatchAsync(kind, woken, idle, stoppingToken) : Wait(woken, AwakeOnlyByPulse, stoppingToken));
                    continue;
                }
                idle.Reset();
                // Each send waits for its own pacing slot, in priority order; none waits for another chat's spacing.
                // No slot by half the lease: the row goes back untried rather than risk a send after the lease ran
                // out, when someone else may have claimed it.
                var giveUpAt = pacing.Now + options.Value.Lease / 2;
                var (kept, excess) = WithinBudget(kind, claimed);
                // Long SMS (many segments each): claim fewer next time rather than give rows back every time.
                batch = excess.Count > 0 ? Math.Max(1, kept.Count) : Math.Min(most, batch + 1);
                await outbox.GiveBackAsync(excess, CancellationToken.None);
                // Only real citizens are sent to through this channel; a drill's go to the sandbox, whatever this channel is.
                var real = await drills.RealCitizensAmongAsync(kept, stoppingToken);
                var attempts = await Task.WhenAll(kept.Select(d => SendAsync(real.Contains(d.CitizenId) ? channel : drills.Channel(kind), d, giveUpAt, stoppingToken)));
                await outbox.RecordAsync([.. attempts.Where(a => a.Result is not null).Select(a => (a.Delivery, a.Result!))], CancellationToken.None);
                await outbox.GiveBackAsync([.. attempts.Where(a => a.Result is null && !a.Expired).Select(a => a.Delivery)], CancellationToken.None);
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
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>What became of one claimed delivery: the provider's answer, expired unsent, or (neither) given back untried.</summary>
    readonly record struct Attempt(Delivery Delivery, SendResult? Result, bool Expired = false);

    /// <summary>
    /// Sends one delivery after its pacing slot. Given back untried when the process stopped before the provider was
    /// called, when its chat is still busy after waiting out one chat second (another message to it went first), or
    /// when no slot came in time.
    /// </summary>
    async Task<Attempt> SendAsync(IChannel channel, Delivery delivery, DateTimeOffset giveUpAt, CancellationToken stoppingToken)
    {
        if (delivery.ExpiresAt <= time.GetUtcNow().UtcDateTime)
        {
            return new Attempt(delivery, null, Expired: true);
        }
        var waitStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        Pacer.PacedSend? started;
        try
        {
            started = await pacing.WaitAsync(delivery.ToMessage(time.GetUtcNow().UtcDateTime), delivery.Priority, giveUpAt, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return new Attempt(delivery, null);
        }
        if (started is null)
        {
            return new Attempt(delivery, null);
        }
        metrics.Paced(channel.Kind, System.Diagnostics.Stopwatch.GetElapsedTime(waitStarted));
        try
        {
            return await SendStartedAsync(channel, delivery);
        }
        finally
        {
            // The send counts against the rate until a second after this (Telegram): the request arrived before it.
            started.Answered();
        }
    }

    /// <summary>The provider call itself, unless the role was lost or the delivery withdrawn while it waited.</summary>
    async Task<Attempt> SendStartedAsync(IChannel channel, Delivery delivery)
    {
        if (!turn.Now(channel.Kind) || await withdrawals.IsWithdrawnAsync(delivery, CancellationToken.None))
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
        metrics.Sent(channel.Kind, result.Outcome);
        if (result.Outcome == SendOutcome.Retry && result.RetryAfter is { } wait)
        {
            pacing.Pause(channel.Kind, wait);
        }
        return new Attempt(delivery, result);
    }

    static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

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

    /// <summary>
    /// About a second of paced sends per claim, shared among the channel's dispatchers: claims are taken often, so a
    /// newly queued urgent message is claimed within about a second, and never sit waiting long enough for their
    /// lease to run out.
    /// </summary>
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

    /// <summary>Loops other than the lookout look again only when pulsed, and once a minute in case a pulse was lost.</summary>
    static readonly TimeSpan AwakeOnlyByPulse = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The lookout's idle wait: until a pulse, the channel's next due delivery, or the backoff's next look, each look a
    /// single read. Times are the service's clock (a test's fake one too); the wait itself is real time, capped by the
    /// backoff, so a clock moved forward is noticed at the next look.
    /// </summary>
    async Task WatchAsync(ChannelKind kind, Task woken, IdleBackoff idle, CancellationToken stoppingToken)
    {
        while (true)
        {
            var next = await looks.NextDueAsync(kind, stoppingToken);
            var dueIn = next is { } at ? at - time.GetUtcNow().UtcDateTime : (TimeSpan?)null;
            if (dueIn <= TimeSpan.Zero || woken.IsCompleted)
            {
                return;
            }
            if (await Wait(woken, idle.Next(dueIn), stoppingToken))
            {
                idle.Reset();
                return;
            }
            woken = pulse.Next;
        }
    }

    /// <summary>True when <paramref name="woken"/> completed, false when <paramref name="timeout"/> passed first.</summary>
    static async Task<bool> Wait(Task woken, TimeSpan timeout, CancellationToken stoppingToken)
    {
        try
        {
            await woken.WaitAsync(timeout, stoppingToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
