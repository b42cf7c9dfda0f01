namespace Evacuation.Fakes;

/// <summary>Every request a fake received, in arrival order; tests can await a count instead of sleeping.</summary>
public sealed class RequestLog<T>
{
    private readonly Lock gate = new();
    private readonly List<T> items = [];
    private readonly List<DateTime> arrivals = [];
    private readonly List<(int Count, TaskCompletionSource Done)> waiters = [];

    public IReadOnlyList<T> Snapshot()
    {
        lock (gate)
        {
            return [.. items];
        }
    }

    /// <summary>Every request with the time (UTC) it arrived, for checks of rate across processes.</summary>
    public IReadOnlyList<(T Item, DateTime At)> Timed()
    {
        lock (gate)
        {
            return [.. items.Zip(arrivals)];
        }
    }

    public void Add(T item)
    {
        lock (gate)
        {
            items.Add(item);
            arrivals.Add(DateTime.UtcNow);
            foreach (var waiter in waiters.Where(w => items.Count >= w.Count).ToList())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> requests have arrived.</summary>
    public Task WhenCount(int count, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (items.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }
}
