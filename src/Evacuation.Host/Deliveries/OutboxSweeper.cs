using Microsoft.Extensions.Options;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// Once a second: reclaims expired leases (a crashed process's claims), expires what passed its expiresAt, cancels what a
/// cancelled broadcast left pending and completes finished broadcasts.
/// </summary>
public sealed class OutboxSweeper(Outbox outbox, IOptions<DeliveriesOptions> options, ILogger<OutboxSweeper> logger) : BackgroundService
{
    static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = Every < options.Value.PollInterval ? options.Value.PollInterval : Every;
        using var timer = new PeriodicTimer(period);
        do
        {
            try
            {
                var reclaimed = await outbox.ReclaimExpiredLeasesAsync(stoppingToken);
                if (reclaimed > 0)
                {
                    logger.LogWarning("Reclaimed {Count} deliveries whose lease expired; they will be sent again", reclaimed);
                }
                await outbox.ExpireAsync(stoppingToken);
                await outbox.CompleteFinishedAsync(null, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox sweep failed; trying again in {Period}", period);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
