namespace Evacuation.Host.Deliveries;

/// <summary>
/// A signal that the outbox changed (new deliveries, recorded outcomes, a finished broadcast). Idle dispatchers
/// wake on it instead of waiting out their poll interval, and tests await it instead of sleeping.
/// </summary>
public sealed class DeliveryPulse
{
    TaskCompletionSource next = New();

    /// <summary>Completes at the next <see cref="Pulse"/>. Take it before checking a condition, so no pulse is missed.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    public void Pulse() => Interlocked.Exchange(ref next, New()).TrySetResult();

    /// <summary>Waits for the next pulse or <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Next.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Nothing happened; the caller looks anyway.
        }
    }

    static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
