using Evacuation.Core.Channels;
using Evacuation.Data;
using Evacuation.Channels.Telegram;
using Evacuation.Channels.Twilio;
using Evacuation.Host.Deliveries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Tests.Broadcasts;

/// <summary>Channel and delivery settings are checked, and credentials decide live or sandbox.</summary>
public sealed class DeliverySettingsTests
{
    [Theory]
    [InlineData("Telegram:BotToken", "not-a-token")]
    [InlineData("Telegram:MessagesPerSecond", "0")]
    [InlineData("Twilio:AccountSid", "AC123")]
    [InlineData("Twilio:SegmentsPerSecond", "0")]
    [InlineData("Deliveries:DispatchersPerChannel", "0")]
    [InlineData("Deliveries:Lease", "00:00:01")]
    public async Task A_bad_setting_is_refused_with_a_message_that_names_the_key(string key, string value)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, new() { [key] = value });

        // The same validators run at start (ValidateOnStart); reading the options shows what they say.
        var error = Record.Exception(() => key.Split(':')[0] switch
        {
            "Telegram" => (object)app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value,
            "Twilio" => app.Services.GetRequiredService<IOptions<TwilioOptions>>().Value,
            _ => app.Services.GetRequiredService<IOptions<DeliveriesOptions>>().Value,
        });

        var refused = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(key, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_credentials_both_channels_are_sandboxes()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);

        Assert.False(app.Services.GetRequiredKeyedService<IChannel>(ChannelKind.Telegram).IsLive);
        Assert.False(app.Services.GetRequiredKeyedService<IChannel>(ChannelKind.Sms).IsLive);
    }

    [Fact]
    public async Task With_credentials_both_channels_are_live()
    {
        await using var telegram = await Fakes.FakeTelegramServer.StartAsync();
        await using var twilio = await Fakes.FakeTwilioServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(telegram, twilio));

        Assert.True(app.Services.GetRequiredKeyedService<IChannel>(ChannelKind.Telegram).IsLive);
        Assert.True(app.Services.GetRequiredKeyedService<IChannel>(ChannelKind.Sms).IsLive);
    }
}
