using System.Collections.Concurrent;
using System.Diagnostics;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Stats;

/// <summary>
/// Counts dashboards poll that are still counted from rows (<c>GET /api/stats/timeline</c>, a small broadcast, a sending broadcast's eta), counted once and
/// shared by every caller on this node. Counting a million deliveries takes seconds; twenty dashboards asking every two
/// seconds must not start twenty countings. A small read (fewer than <see cref="ExactUpTo"/> rows) is counted afresh on
/// every call, so small broadcasts and test data are always exact (a read of unknown size is counted once, shared, first). A large one answers at once from the last count
/// (with its <c>asOf</c>) and, when that count is at least <see cref="Interval"/> old, starts the next one in the
/// background: one counting at a time per read, each starting no sooner than its predecessor took, so a read that
/// takes 3 s to count uses at most half of one core. A read nobody asked for in <see cref="Forgotten"/> is dropped; its
/// next caller waits for a fresh count. Once traffic settles, the count after it is exact.
/// </summary>
public sealed class SharedCounts(IDbContextFactory<EvacuationDb> databases, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<SharedCounts> logger)
{
    public const long ExactUpTo = 5_000;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Forgotten = TimeSpan.FromMinutes(1);

    // Counting a million deliveries on a busy machine can outlast a command's default 30 s.
    static readonly TimeSpan CountingTimeout = TimeSpan.FromMinutes(5);

    /// <summary>A count and the service's time at which counting started: it reflects everything committed before then.</summary>
    public sealed record Counted<T>(T Value, DateTime AsOf);

    sealed class Entry
    {
        public object? Last; // Counted<T>
        public long FinishedAt; // Stopwatch ticks of the last count's end
        public TimeSpan LastTook;
        public long AskedAt;
        public Task? Counting;
    }

    readonly ConcurrentDictionary<string, Entry> entries = new();

    /// <summary>
    /// The count under <paramref name="key"/>. <paramref name="size"/> is how many rows counting it reads (a broadcast's
    /// recipients, the citizens); null uses <paramref name="sizeOf"/> of the last count, and counts afresh before any.
    /// </summary>
    public async Task<Counted<T>> ReadAsync<T>(string key, long? size, Func<T, long> sizeOf,
        Func<EvacuationDb, DateTime, CancellationToken, Task<T>> count, CancellationToken cancellationToken)
    {
        Forget();
        var entry = entries.GetOrAdd(key, _ => new Entry());
        var now = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref entry.AskedAt, now);
        var last = Volatile.Read(ref entry.Last) as Counted<T>;
        // Unknown size (nothing counted yet): one shared count, which every caller meanwhile waits for.
        if ((size ?? (last is null ? long.MaxValue : sizeOf(last.Value))) < ExactUpTo)
        {
            var counted = await CountAsync(count, cancellationToken);
            Volatile.Write(ref entry.Last, counted); // its size decides the next call's way
            return counted;
        }
        Task counting;
        lock (entry)
        {
            var due = last is null
                || Stopwatch.GetElapsedTime(entry.FinishedAt, now) >= (entry.LastTook > Interval ? entry.LastTook : Interval);
            if (entry.Counting is null && due)
            {
                entry.Counting = Task.Run(() => RefreshAsync(key, entry, count), CancellationToken.None); // shared: no one caller may cancel it
            }
            counting = entry.Counting ?? Task.CompletedTask;
        }
        if (last is not null)
        {
            return last;
        }
        await counting.WaitAsync(cancellationToken);
        return Volatile.Read(ref entry.Last) as Counted<T>
            ?? await CountAsync(count, cancellationToken); // the shared count failed: this caller sees why
    }

    async Task<Counted<T>> CountAsync<T>(Func<EvacuationDb, DateTime, CancellationToken, Task<T>> count, CancellationToken cancellationToken)
    {
        var asOf = time.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Database.SetCommandTimeout(CountingTimeout);
        return new Counted<T>(await count(db, asOf, cancellationToken), asOf);
    }

    async Task RefreshAsync<T>(string key, Entry entry, Func<EvacuationDb, DateTime, CancellationToken, Task<T>> count)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            Volatile.Write(ref entry.Last, await CountAsync(count, lifetime.ApplicationStopping));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Counting {Key} failed; callers keep the last count", key);
        }
        catch (OperationCanceledException)
        {
            // The service is stopping.
        }
        finally
        {
            lock (entry)
            {
                entry.LastTook = Stopwatch.GetElapsedTime(started);
                entry.FinishedAt = Stopwatch.GetTimestamp();
                Interlocked.Exchange(ref entry.AskedAt, entry.FinishedAt); // a count longer than Forgotten does not forget itself
                entry.Counting = null;
            }
        }
    }

    void Forget()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var (key, entry) in entries)
        {
            if (Stopwatch.GetElapsedTime(Interlocked.Read(ref entry.AskedAt), now) > Forgotten && entry.Counting is null)
            {
                entries.TryRemove(key, out _);
            }
        }
    }
}
