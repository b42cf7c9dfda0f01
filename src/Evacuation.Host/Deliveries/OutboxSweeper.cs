using Microsoft.Extensions.Options;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// While anything is in flight, once a second: reclaims expired leases (a crashed process's claims), expires
/// what passed its expiresAt, cancels what a cancelled broadcast left pending, completes finished broadcasts and says so on the
/// console. Idle, it looks with one read when pulsed or after <see cref="IdleBackoff"/> (at most
/// <c>Deliveries:IdleInterval</c>), so another process's claims left by a crash are still reclaimed.
/// </summary>
public sealed class OutboxSweeper(
    Outbox outbox, OutboxLooks looks, DeliveryPulse pulse, BroadcastLines lines, IOptions<DeliveriesOptions> options, ILogger<OutboxSweeper> logger) : BackgroundService
{
    static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = Every < options.Value.PollInterval ? options.Value.PollInterval : Every;
        var idle = new IdleBackoff(options.Value.PollInterval, options.Value.IdleInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var woken = pulse.Next;
                if (!await looks.AnythingInFlightAsync(stoppingToken))
                {
                    if (lines.Watching)
                    {
                        await lines.ReportAsync(stoppingToken);
                    }
                    await WaitAsync(woken, idle.Next(), stoppingToken);
                    continue;
                }
                idle.Reset();
                await SweepAsync(stoppingToken);
                await Task.Delay(period, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox sweep failed; trying again in {Period}", period);
                await Task.Delay(period, stoppingToken);
            }
        }
    }

    async Task SweepAsync(CancellationToken stoppingToken)
    {
        var reclaimed = await outbox.ReclaimExpiredLeasesAsync(stoppingToken);
        if (reclaimed > 0)
        {
            logger.LogWarning("Reclaimed {Count} deliveries whose lease expired; they will be sent again", reclaimed);
        }
        await outbox.ExpireAsync(stoppingToken);
        await outbox.CompleteFinishedAsync(null, stoppingToken);
        await lines.ReportAsync(stoppingToken);
    }

    static async Task WaitAsync(Task woken, TimeSpan timeout, CancellationToken stoppingToken)
    {
        try
        {
            await woken.WaitAsync(timeout, stoppingToken);
        }
        catch (TimeoutException)
        {
            // Time to look again.
        }
    }
}
