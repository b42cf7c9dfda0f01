using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Metrics;

/// <summary>
/// Reads the queue depth and reply counts every 10 seconds, once <c>/metrics</c> has been scraped (a service nobody
/// scrapes never pays for the counts). Prometheus scrapes every 15 s by default, so a figure is at most one scrape old.
/// </summary>
public sealed class MetricsSampler(ServiceMetrics metrics, IDbContextFactory<EvacuationDb> databases, ILogger<MetricsSampler> logger) : BackgroundService
{
    static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (metrics.Scraped)
                {
                    await SampleAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>One reading (public so a test need not wait for the timer).</summary>
    public async Task SampleAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(stoppingToken);
            var pending = new Dictionary<(ChannelKind, int), long>();
            foreach (var channel in ChannelKinds.Outbound)
            {
                // Per channel, so the claim index (channel, state, priority, ...) answers each count.
                var byPriority = await db.Deliveries.Where(d => d.Channel == channel && d.State == DeliveryState.Pending)
                    .GroupBy(d => d.Priority).Select(g => new { Priority = g.Key, Count = g.LongCount() }).ToListAsync(stoppingToken);
                foreach (var priority in DeliveryPriority.All)
                {
                    pending[(channel, priority)] = byPriority.FirstOrDefault(p => p.Priority == priority)?.Count ?? 0;
                }
            }
            var received = await db.Replies.LongCountAsync(stoppingToken);
            var interpreted = await db.Replies.LongCountAsync(r => r.InterpretedAt != null, stoppingToken);
            metrics.Sample = new DatabaseSample(pending, received, interpreted);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Metrics could not be read from the database ({Error}); the last figures stay", e.GetType().Name);
        }
    }
}
