namespace Evacuation.Data;

/// <summary>
/// SQLite's writer queue: the writers of this process (webhooks, the reply interpreter, dispatchers) take turns here, in the
/// order they asked, before they open a write transaction. SQLite has one writer at a time, and a writer that finds
/// the file locked sleeps and polls in its busy handler (https://www.sqlite.org/c3ref/busy_timeout.html): a busy
/// loop that commits back to back can keep such a poller waiting for hundreds of milliseconds, which is how a burst
/// of replies used to delay the answers to Twilio's webhooks. On PostgreSQL rows are locked one by one and there is
/// nothing to queue for: <see cref="TakeTurnAsync"/> returns at once.
/// </summary>
/// <remarks>Never take a turn while holding one: turns do not nest.</remarks>
public sealed class WriterQueue(bool queued)
{
    readonly SemaphoreSlim turn = new(1, 1);

    public async ValueTask<Turn> TakeTurnAsync(CancellationToken cancellationToken)
    {
        if (!queued)
        {
            return new Turn(null);
        }
        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    /// <summary>Held for the length of one write transaction; disposing it (once or more) lets the next writer in.</summary>
    public sealed class Turn(SemaphoreSlim? turn) : IDisposable
    {
        SemaphoreSlim? held = turn;

        public void Dispose() => Interlocked.Exchange(ref held, null)?.Release();
    }
}
