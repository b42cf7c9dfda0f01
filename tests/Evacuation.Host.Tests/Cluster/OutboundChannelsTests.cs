using Evacuation.Data;

namespace Evacuation.Host.Tests.Cluster;

/// <summary>The check-in page takes replies and sends nothing: health names only the channels that send.</summary>
public sealed class OutboundChannelsTests
{
    [Fact]
    public async Task Health_reports_the_sending_channels_and_not_the_check_in_page()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);

        var body = await (await app.CreateClient().GetAsync("/health")).ReadJsonAsync();

        var channels = body.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("channel").GetString()).ToList();
        Assert.Equal(["Telegram", "Sms"], channels);
    }
}
