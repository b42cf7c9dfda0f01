using Evacuation.Core.Channels;
using Evacuation.Core.Cluster;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Cluster;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Cluster;

public sealed class NodeRoleTests
{
    static readonly string Poller = RoleNames.TelegramPoller;

    [Fact]
    public async Task One_node_polls_Telegram_and_another_takes_over_when_it_stops()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var live = Providers.LiveAgainst(telegram, null);
        await using var first = EvacuationApp.StartOn(database, Nodes.Settings("a", live));
        await using var second = EvacuationApp.StartOn(database, Nodes.Settings("b", live));

        var holder = await Nodes.FirstToHoldAsync(Poller, first, second);
        var other = holder == first ? second : first;
        Assert.False(other.Roles().Holds(Poller));

        await holder.DisposeAsync();
        await Nodes.UntilHeldAsync(other, Poller);

        // The survivor polls: a citizen's message reaches the inbox.
        telegram.EnqueueTextMessage(777, "1");
        await other.UntilAsync(async () => await other.WithDbAsync(db => db.Replies.AnyAsync(r => r.From == "777")) ? "" : null, "the reply");
    }

    [Fact]
    public async Task Only_the_node_holding_a_channels_sending_role_sends_so_one_pacer_keeps_the_bot_wide_rate()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        using var counts = new SendCounts();
        var live = Providers.LiveAgainst(telegram, null);
        await using var first = EvacuationApp.StartOn(database, Nodes.Settings("a", live));
        await using var second = EvacuationApp.StartOn(database, Nodes.Settings("b", live));
        var sender = await Nodes.FirstToHoldAsync(RoleNames.SenderOf(ChannelKind.Telegram), first, second);
        var other = sender == first ? second : first;
        await first.AddCitizensAsync(12, sms: false);

        // Asked of the node that does not send: it queues, the sender sends.
        var id = await other.BroadcastAsync(new { kind = "Advisory", channels = "Telegram" });
        await other.UntilStateAsync(id, "Completed");

        Assert.Equal(12, telegram.SentMessages.Count);
        Assert.Equal(12, counts.Of(sender));
        Assert.Equal(0, counts.Of(other));
    }

    [Theory]
    [InlineData("ghost", -1)] // another node died holding the role; its lease has run out
    [InlineData("b", 60)]     // this node itself was killed and restarted: its lease has not run out, its name proves it
    public async Task A_node_taking_the_sending_role_sends_the_claims_its_holder_left_at_once(string holder, int leaseLeftSeconds)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using (var db = await database.OpenMigratedAsync())
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO cluster_roles ("Role", "Holder", "Instance", "Since", "ExpiresAt")
                VALUES ({0}, {1}, {2}, now(), now() + make_interval(secs => {3}))
                """, RoleNames.SenderOf(ChannelKind.Telegram), holder, Guid.NewGuid(), leaseLeftSeconds);
        }
        await using var node = EvacuationApp.StartOn(database, Nodes.Settings("b"));
        await node.AddCitizensAsync(3, sms: false);
        var id = await node.BroadcastAsync(new { kind = "Advisory", channels = "Telegram" });
        await node.UntilStateAsync(id, "Completed");
        // What a node killed mid-send leaves: claims with a long lease and no answer.
        await node.DisposeAsync();
        await node.WithDbAsync(db => db.Deliveries.ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, DeliveryState.Sending)
            .SetProperty(d => d.LeaseUntil, new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
        await node.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
            UPDATE cluster_roles SET "Holder" = {0}, "Instance" = {1}, "ExpiresAt" = now() + make_interval(secs => {2})
            """, holder, Guid.NewGuid(), leaseLeftSeconds));

        await using var restarted = EvacuationApp.StartOn(database, Nodes.Settings("b"));

        // Their lease (year 2100) never runs out: only taking them back sends them.
        var sent = await restarted.UntilDeliveriesAsync(3, d => d.State == DeliveryState.Sent, "claims taken back and sent");
        Assert.Equal(3, sent.Count);
    }
}
