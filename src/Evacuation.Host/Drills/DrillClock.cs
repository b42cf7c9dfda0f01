namespace Evacuation.Host.Drills;

/// <summary>
/// Waits on the service's clock, so a test drives a drill with a fake clock. A wait for a moment that passed while
/// the timer was being set up ends at once instead of waiting for the clock to move again.
/// </summary>
public static class DrillClock
{
    public static async Task UntilAsync(TimeProvider time, DateTime at, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var delay = at - time.GetUtcNow().UtcDateTime;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        await using var timer = time.CreateTimer(_ => done.TrySetResult(), null, delay, Timeout.InfiniteTimeSpan);
        if (time.GetUtcNow().UtcDateTime >= at)
        {
            done.TrySetResult();
        }
        await done.Task.WaitAsync(cancellationToken);
    }
}
