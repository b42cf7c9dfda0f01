namespace Evacuation.Host.Replies;

/// <summary>Wakes the interpreter when a reply was stored, so it acts at once instead of at its next poll.</summary>
public sealed class ReplyPulse
{
    readonly SemaphoreSlim signal = new(0, 1);

    public void Pulse()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up is enough for any number of replies.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
