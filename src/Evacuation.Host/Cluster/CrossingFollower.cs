namespace Evacuation.Host.Cluster;

/// <summary>
/// On PostgreSQL, where other nodes may change a crossing: reads the crossings table every
/// <see cref="ClusterOptions.CrossingRefresh"/> (half a second by default; the table has a row per crossing, a few dozen)
/// so a closure made on any node steers this node's decisions within a second. A failed read keeps the last state
/// and is logged once until reads work again.
/// </summary>
public sealed class CrossingFollower(SharedCrossings crossings, Microsoft.Extensions.Options.IOptions<ClusterOptions> options, ILogger<CrossingFollower> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CrossingRefresh);
        var failing = false;
        do
        {
            try
            {
                await crossings.RefreshAsync(stoppingToken);
                if (failing)
                {
                    logger.LogInformation("Crossing statuses are read from the database again");
                }
                failing = false;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                if (!failing)
                {
                    logger.LogError("Cannot read crossing statuses from the database ({Error}); using the last ones read", e.GetType().Name);
                }
                failing = true;
            }
        }
        while (await Ticks(timer, stoppingToken));
    }

    static async Task<bool> Ticks(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
