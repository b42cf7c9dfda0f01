using Evacuation.Core.Channels;
using Evacuation.Core.Cluster;
using Evacuation.Host.Deliveries;

namespace Evacuation.Host.Cluster;

/// <summary>
/// The hook around the dispatchers: a channel's messages are sent from this node only while it holds the channel's
/// sending role (so one pacer keeps the bot's and the account's rate for the whole cluster) and the channel is not
/// stopped for misconfiguration.
/// </summary>
public sealed class SendingTurn(NodeRoles roles, ChannelStops stops)
{
    /// <summary>Whether this node may send on <paramref name="channel"/> right now (checked again before each send).</summary>
    public bool Now(ChannelKind channel) => roles.Holds(RoleNames.SenderOf(channel)) && !stops.IsStopped(channel);

    /// <summary>Waits until this node may send on <paramref name="channel"/>; false once the service is stopping.</summary>
    public async Task<bool> WaitAsync(ChannelKind channel, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (Now(channel))
            {
                return true;
            }
            var changed = Task.WhenAny(roles.Changed, stops.Changed);
            if (!await roles.WaitForAsync(RoleNames.SenderOf(channel), stoppingToken))
            {
                return false;
            }
            if (stops.IsStopped(channel))
            {
                await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(1), stoppingToken));
            }
        }
        return false;
    }
}
