using System.Collections.Concurrent;
using Evacuation.Core.Channels;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// Channels stopped because a provider said our configuration is wrong (bad token, bad sender). Their deliveries
/// stay pending and do not give up. A stop is written to the <c>channel_stops</c> table so every node sees it and
/// <c>GET /health</c> reports it (<see cref="Health.ChannelWatch"/>), and ends when a probe finds the credentials
/// working again: no restart needed.
/// </summary>
public sealed class ChannelStops(ILogger<ChannelStops> logger)
{
    readonly ConcurrentDictionary<ChannelKind, ChannelStop> stopped = new();
    readonly ConcurrentQueue<ChannelStop> unwritten = new();
    // A stop is added and queued for writing as one step, so following the table never sees it stopped and not queued
    // (and would lift it before it was ever written).
    readonly Lock gate = new();
    TaskCompletionSource changed = New();

    public bool IsStopped(ChannelKind channel) => stopped.ContainsKey(channel);

    public IReadOnlyCollection<ChannelKind> Stopped => [.. stopped.Keys];

    /// <summary>Why each stopped channel is stopped.</summary>
    public IReadOnlyDictionary<ChannelKind, ChannelStop> Stops => new Dictionary<ChannelKind, ChannelStop>(stopped);

    /// <summary>Completes when a channel stops or resumes here.</summary>
    public Task Changed => Volatile.Read(ref changed).Task;

    /// <summary>Stops <paramref name="channel"/>; logs one error the first time only.</summary>
    public void Stop(ChannelKind channel, string reason, DateTime now = default, string seenBy = "")
    {
        var stop = new ChannelStop { Channel = channel, Reason = reason, Since = now, SeenBy = seenBy };
        lock (gate)
        {
            if (!stopped.TryAdd(channel, stop))
            {
                return;
            }
            unwritten.Enqueue(stop);
        }
        Signal();
        logger.LogError(
            "{Channel} channel STOPPED: the provider rejected our configuration ({Reason}). Its messages stay queued; fix the {Section} settings (the channel is probed every minute and resumes by itself)",
            channel, reason, channel == ChannelKind.Telegram ? "Telegram" : "Twilio");
    }

    /// <summary>Stops seen here and not yet written to the database.</summary>
    internal bool TryTakeUnwritten(out ChannelStop stop) => unwritten.TryDequeue(out stop!);

    /// <summary>The stops as stored: stops seen by other nodes start here, and stops lifted anywhere end here.</summary>
    internal void Follow(IReadOnlyCollection<ChannelStop> stored)
    {
        lock (gate)
        {
            FollowLocked(stored);
        }
    }

    void FollowLocked(IReadOnlyCollection<ChannelStop> stored)
    {
        var pending = unwritten.Select(s => s.Channel).ToHashSet();
        foreach (var stop in stored.Where(s => !stopped.ContainsKey(s.Channel)))
        {
            stopped[stop.Channel] = stop;
            Signal();
        }
        foreach (var channel in stopped.Keys.Where(c => !pending.Contains(c) && stored.All(s => s.Channel != c)))
        {
            Resume(channel);
        }
    }

    /// <summary>The provider accepts our credentials again: the channel sends again.</summary>
    public void Resume(ChannelKind channel)
    {
        if (stopped.TryRemove(channel, out _))
        {
            Signal();
            logger.LogWarning("{Channel} channel RESUMED: the provider accepts our configuration again", channel);
        }
    }

    void Signal() => Interlocked.Exchange(ref changed, New()).TrySetResult();

    static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
