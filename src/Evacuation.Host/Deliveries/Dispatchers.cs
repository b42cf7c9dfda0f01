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
    IOptions<DeliveriesOptions> options,
    ILogger<Dispatchers> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = ChannelKinds.Outbound
            .SelectMany(kind => Enumerable.Range(0, options.Value.DispatchersPerChannel).Select(_ => kind))
            .Select(kind => Task.Run(() => RunAsync(kind, stoppingToken), stoppingToken));
        return Task.WhenAll(loops);
    }

    async Task RunAsync(ChannelKind kind, CancellationToken stoppingToken)
    {
        var channel = services.GetRequiredKeyedService<IChannel>(kind);
        var batch = ClaimSize(kind);
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
                var answers = await Task.WhenAll(claimed.Select(d => SendAsync(channel, d, stoppingToken)));
                var tried = claimed.Zip(answers).Where(a => a.Second is not null).Select(a => (a.First, a.Second!)).ToList();
                await outbox.RecordAsync(tried, CancellationToken.None);
                await outbox.ReleaseAsync([.. claimed.Zip(answers).Where(a => a.Second is null).Select(a => a.First.Id)], CancellationToken.None);
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

    /// <summary>
    /// Sends one delivery after its pacing slot. Null when the process stopped before the provider was called:
    /// the delivery was never tried and goes straight back to the queue.
    /// </summary>
    async Task<SendResult?> SendAsync(IChannel channel, Delivery delivery, CancellationToken stoppingToken)
    {
        var message = delivery.ToMessage();
        try
        {
            await pacing.WaitAsync(message, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        if (stops.IsStopped(channel.Kind))
        {
            return null;
        }
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
        return result;
    }

    static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// No more than about five seconds of paced sends per claim, so claims never sit waiting long enough for
    /// their lease to run out.
    /// </summary>
    int ClaimSize(ChannelKind kind)
    {
        var most = options.Value.ClaimBatch;
        if (pacing.RateOf(kind) is not { } rate)
        {
            return most;
        }
        var paced = (int)(rate * 5 / options.Value.DispatchersPerChannel);
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
