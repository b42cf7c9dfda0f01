namespace Evacuation.Host.Stats;

/// <summary>
/// Folds the changes the database's triggers recorded into the counters (<see cref="CounterFold"/>): every
/// <see cref="Every"/> while there are some; when there are none, after waits that double up to <see cref="LongestIdle"/>,
/// one statement each, so an idle service hardly asks its database. A change made while the loop sleeps is still
/// counted by <c>GET /api/stats</c> at once, and a large broadcast's <c>asOf</c> says how old its counters are. A failed round is logged once; the changes
/// wait in their table.
/// </summary>
public sealed class CounterLoop(CounterFold fold, TimeProvider time, ILogger<CounterLoop> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongestIdle = TimeSpan.FromSeconds(10);

    bool failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = Every;
        try
        {
            while (true)
            {
                var busy = await RoundAsync(stoppingToken);
                idle = busy ? Every : Min(idle * 2, LongestIdle);
                await Task.Delay(idle, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The service is stopping.
        }
    }

    async Task<bool> RoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            var busy = await fold.CatchUpAsync(stoppingToken);
            if (failing)
            {
                logger.LogInformation("Counters are being folded again");
            }
            failing = false;
            return busy;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            if (!failing)
            {
                logger.LogWarning("Folding the counters failed ({Error}); the changes wait and the next round tries again", e.Message);
            }
            failing = true;
            return true;
        }
    }

    static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
