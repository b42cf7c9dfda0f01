using System.Collections.Concurrent;
using Evacuation.Core.Channels;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// Channels stopped because a provider said our configuration is wrong (bad token, bad sender). Their deliveries
/// stay pending and do not give up, so fixing the configuration and restarting sends them.
/// </summary>
public sealed class ChannelStops(ILogger<ChannelStops> logger)
{
    readonly ConcurrentDictionary<ChannelKind, string> stopped = new();

    public bool IsStopped(ChannelKind channel) => stopped.ContainsKey(channel);

    public IReadOnlyCollection<ChannelKind> Stopped => [.. stopped.Keys];

    /// <summary>Stops <paramref name="channel"/>; logs one error the first time only.</summary>
    public void Stop(ChannelKind channel, string reason)
    {
        if (stopped.TryAdd(channel, reason))
        {
            logger.LogError(
                "{Channel} channel STOPPED: the provider rejected our configuration ({Reason}). Its messages stay queued; fix the {Section} settings and restart.",
                channel, reason, channel == ChannelKind.Telegram ? "Telegram" : "Twilio");
        }
    }
}
