using Evacuation.Core.Channels;
using Evacuation.Core.Cluster;

namespace Evacuation.Core.Tests.Cluster;

public sealed class RoleNamesTests
{
    [Fact]
    public void Nodes_elect_a_sender_for_each_channel_messages_go_out_on_and_none_for_the_check_in_page() =>
        Assert.Equal(["sender:Telegram", "sender:Sms", RoleNames.TelegramPoller], RoleNames.All);

    [Theory]
    [InlineData("sender:Telegram", ChannelKind.Telegram)]
    [InlineData("sender:Sms", ChannelKind.Sms)]
    [InlineData("sender:Web", null)]
    [InlineData("telegram-poller", null)]
    public void A_role_names_its_channel_only_when_it_is_a_sending_one(string role, ChannelKind? channel) =>
        Assert.Equal(channel, RoleNames.ChannelOf(role));
}
