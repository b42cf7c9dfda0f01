namespace Evacuation.Host.Replies;

/// <summary>
/// Interprets stored replies as they arrive (the inbox pulses), and every half minute anyway (rows left by a crash, or
/// by a moment when the database refused); after a failure it tries again in a few seconds. After a wake-up it
/// lets replies gather for a moment: during a burst, one batch of a hundred costs the database's single writer far
/// less than a hundred batches of one, and the webhooks that share that writer answer sooner.
/// </summary>
public sealed class ReplyWorker(ReplyInterpreter interpreter, ReplyPulse pulse, ILogger<ReplyWorker> logger) : BackgroundService
{
    static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await interpreter.InterpretPendingAsync(stoppingToken);
                if (await pulse.WaitAsync(Idle, stoppingToken))
                {
                    await Task.Delay(Gather, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Interpreting replies failed; trying again");
                await pulse.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }
}
