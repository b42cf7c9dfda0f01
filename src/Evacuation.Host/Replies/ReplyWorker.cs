namespace Evacuation.Host.Replies;

/// <summary>
/// Interprets stored replies as they arrive, and every few seconds anyway (rows left by a crash). After a wake-up it
/// lets replies gather for a moment: during a burst, one batch of a hundred costs the database's single writer far
/// less than a hundred batches of one, and the webhooks that share that writer answer sooner.
/// </summary>
public sealed class ReplyWorker(ReplyInterpreter interpreter, ReplyPulse pulse, ILogger<ReplyWorker> logger) : BackgroundService
{
    static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await interpreter.InterpretPendingAsync(stoppingToken);
                if (await pulse.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken))
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
