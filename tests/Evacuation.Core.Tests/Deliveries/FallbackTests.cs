using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;

namespace Evacuation.Core.Tests.Deliveries;

public sealed class FallbackTests
{
    [Theory]
    [InlineData(ChannelKind.Telegram, ChannelPolicy.Preferred, true, true, ChannelKind.Sms, Label = "blocked bot, has a phone")]
    [InlineData(ChannelKind.Telegram, ChannelPolicy.Preferred, true, false, null, Label = "blocked bot, no phone")]
    [InlineData(ChannelKind.Sms, ChannelPolicy.Preferred, true, true, ChannelKind.Telegram, Label = "SMS STOP, has a chat")]
    [InlineData(ChannelKind.Telegram, ChannelPolicy.Both, true, true, null, Label = "Both already covers the other channel")]
    [InlineData(ChannelKind.Telegram, ChannelPolicy.Telegram, true, true, null, Label = "Telegram only was asked for")]
    public void Falls_back_only_under_the_preferred_policy_and_only_to_a_channel_the_citizen_has(
        ChannelKind failed, ChannelPolicy policy, bool hasTelegram, bool hasSms, ChannelKind? expected)
    {
        Assert.Equal(expected, Fallback.After(failed, policy, hasTelegram, hasSms));
    }

    [Theory]
    [InlineData(ChannelKind.Telegram, ChannelPolicy.Preferred, true, ChannelKind.Sms, Label = "chat not found, has a phone")]
    [InlineData(ChannelKind.Telegram, ChannelPolicy.Preferred, false, null, Label = "chat not found, no usable phone")]
    [InlineData(ChannelKind.Sms, ChannelPolicy.Preferred, true, null, Label = "a failed SMS does not move to Telegram")]
    [InlineData(ChannelKind.Telegram, ChannelPolicy.Both, true, null, Label = "Both has its SMS already")]
    [InlineData(ChannelKind.Telegram, ChannelPolicy.Telegram, true, null, Label = "Telegram only was asked for")]
    public void A_telegram_message_that_failed_for_good_goes_by_sms_under_the_preferred_policy(
        ChannelKind failed, ChannelPolicy policy, bool hasSms, ChannelKind? expected)
    {
        Assert.Equal(expected, Fallback.AfterFailure(failed, policy, hasSms));
    }

    [Theory]
    [InlineData(ChannelPolicy.Preferred, true, true, "Telegram")]
    [InlineData(ChannelPolicy.Preferred, false, true, "Sms")]
    [InlineData(ChannelPolicy.Both, true, true, "Telegram,Sms")]
    [InlineData(ChannelPolicy.Both, false, true, "Sms")]
    [InlineData(ChannelPolicy.Telegram, false, true, "")]
    [InlineData(ChannelPolicy.Sms, true, false, "")]
    public void The_policy_picks_the_channels_a_citizen_gets(ChannelPolicy policy, bool hasTelegram, bool hasSms, string expected) =>
        Assert.Equal(expected, string.Join(",", ChannelChoice.For(policy, hasTelegram, hasSms)));
}
