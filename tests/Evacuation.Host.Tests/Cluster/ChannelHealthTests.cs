using System.Net;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Health;
using Evacuation.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Evacuation.Host.Tests.Cluster;

public sealed class ChannelHealthTests
{
    [Fact]
    public async Task Channels_refused_on_one_node_show_on_every_node_and_resume_once_the_credentials_work_again()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var live = Providers.LiveAgainst(telegram, twilio);
        await using var first = EvacuationApp.StartOn(database, Nodes.Settings("a", live));
        await using var second = EvacuationApp.StartOn(database, Nodes.Settings("b", live));
        telegram.RefuseToken = true;
        twilio.RefuseCredentials = true;
        await first.AddCitizensAsync(2);

        await first.BroadcastAsync(new { kind = "Advisory", channels = "Both" });
        await first.UntilAsync(async () => await BothStoppedAsync(first, second) ? "" : null, "both channels stopped on both nodes");

        var health = await second.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var body = await health.ReadJsonAsync();
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        var channels = body.GetProperty("channels").EnumerateArray().ToList();
        Assert.All(channels, c => Assert.False(c.GetProperty("canSend").GetBoolean()));
        Assert.Contains(channels, c => c.GetProperty("channel").GetString() == "Telegram" && c.GetProperty("stoppedBecause").GetString()!.Contains("401", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await second.CreateClient().GetAsync("/health/ready")).StatusCode);
        // The send that met the refusal stops the channel; the rest of its claim is given back a moment later.
        await first.UntilDeliveriesAsync(4, d => d.State == DeliveryState.Pending, "every delivery given back after the channels stopped");

        telegram.RefuseToken = false;
        twilio.RefuseCredentials = false;
        // What each node does every minute, done now (only the node sending on a channel asks its provider).
        await Task.WhenAll(Watch(first).ProbeAsync(CancellationToken.None), Watch(second).ProbeAsync(CancellationToken.None));

        await first.UntilDeliveriesAsync(4, d => d.State == DeliveryState.Sent, "every delivery sent after the channels resumed");
        Assert.True(twilio.AccountFetches > 0);
        await Watch(second).SyncAsync(CancellationToken.None);
        Assert.Equal("ok", (await (await second.CreateClient().GetAsync("/health")).ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    static ChannelWatch Watch(EvacuationApp node) => node.Services.GetServices<IHostedService>().OfType<ChannelWatch>().Single();

    static async Task<bool> BothStoppedAsync(params EvacuationApp[] nodes)
    {
        foreach (var node in nodes)
        {
            await Watch(node).SyncAsync(CancellationToken.None);
            if (node.Services.GetRequiredService<Host.Deliveries.ChannelStops>().Stopped.Count < 2)
            {
                return false;
            }
        }
        return true;
    }
}
