namespace Evacuation.Host.Replies;

/// <summary>Interprets stored replies as they arrive, and every few seconds anyway (rows left by a crash).</summary>
public sealed class ReplyWorker(ReplyInterpreter interpreter, ReplyPulse pulse, ILogger<ReplyWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await interpreter.InterpretPendingAsync(stoppingToken);
                await pulse.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
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
