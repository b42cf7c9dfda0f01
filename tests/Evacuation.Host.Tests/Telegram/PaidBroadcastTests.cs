using System.Net.Http.Json;
using Evacuation.Channels.Telegram;
using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Deliveries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Evacuation.Host.Tests.Telegram;

/// <summary>Telegram.Bot against the fake Bot API with <c>Telegram:PaidBroadcast</c> on.</summary>
public sealed class PaidBroadcastTests
{
    static Dictionary<string, string?> Paid(FakeTelegramServer telegram)
    {
        var settings = Providers.LiveAgainst(telegram, null);
        settings["Telegram:PaidBroadcast"] = "true";
        return settings;
    }

    [Fact]
    public async Task Paid_sends_ask_for_a_paid_broadcast_and_the_estimate_shows_the_stars()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.StarBalance = 5_000;
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Paid(telegram));
        await app.AddCitizensAsync(3, sms: false);

        var dryRun = await (await app.Operator().PostAsJsonAsync("/api/broadcasts", new { kind = "Advisory", dryRun = true })).ReadJsonAsync();
        var id = await app.BroadcastAsync(new { kind = "Advisory" });
        await app.UntilStateAsync(id, "Completed");

        Assert.Equal(0.3m, dryRun.GetProperty("estimate").GetProperty("telegramStars").GetDecimal());
        Assert.Single(telegram.RequestsOf("getMyStarBalance"));
        Assert.Equal(3, telegram.SentMessages.Count);
        Assert.All(telegram.SentMessages, m => Assert.True(m.PaidBroadcast));
    }

    [Fact]
    public async Task A_refusal_for_the_balance_stops_paid_sending_with_one_error_and_nothing_is_lost()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.StarBalance = 5_000;
        var log = new ListLogger<PaidBroadcasts>();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Paid(telegram), s => s.AddSingleton<ILogger<PaidBroadcasts>>(log));
        await app.AddCitizensAsync(3, sms: false);
        telegram.StarBalance = 0; // spent meanwhile

        var id = await app.BroadcastAsync(new { kind = "Advisory" });
        await app.UntilDeliveriesAsync(3, d => d.State is DeliveryState.Sent or DeliveryState.Pending && (d.State == DeliveryState.Sent || d.Attempts == 1), "every message sent or waiting to be sent again");
        app.Time.Advance(RetryBackoff.After(1, jitter: 0.999));
        var done = await app.UntilStateAsync(id, "Completed");

        Assert.Equal(3, done.GetProperty("sent").GetInt64());
        Assert.Equal(0, done.GetProperty("failed").GetInt64());
        var refused = telegram.SentMessages.Where(m => m.PaidBroadcast).ToList();
        Assert.NotEmpty(refused);
        Assert.Equal(3, telegram.SentMessages.Count(m => !m.PaidBroadcast));
        Assert.False(app.Services.GetRequiredService<PaidBroadcasts>().On);
        Assert.Equal(30, app.Services.GetRequiredService<ChannelPacing>().RateOf(ChannelKind.Telegram)!.Value, precision: 3);
        var error = Assert.Single(log.Lines);
        Assert.Contains("Telegram paid broadcast stopped", error, StringComparison.Ordinal);
        Assert.Contains("nothing is lost", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_balance_at_start_sends_unpaid_at_the_free_rate_from_the_first_message()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        var log = new ListLogger<PaidBroadcasts>();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Paid(telegram), s => s.AddSingleton<ILogger<PaidBroadcasts>>(log));
        await app.AddCitizensAsync(2, sms: false);

        var dryRun = await (await app.Operator().PostAsJsonAsync("/api/broadcasts", new { kind = "Advisory", dryRun = true })).ReadJsonAsync();
        var id = await app.BroadcastAsync(new { kind = "Advisory" });
        await app.UntilStateAsync(id, "Completed");

        Assert.Contains("the bot's Star balance is 0", Assert.Single(log.Lines), StringComparison.Ordinal);
        Assert.False(dryRun.GetProperty("estimate").TryGetProperty("telegramStars", out _));
        Assert.All(telegram.SentMessages, m => Assert.False(m.PaidBroadcast));
        Assert.Equal(30, app.Services.GetRequiredService<ChannelPacing>().RateOf(ChannelKind.Telegram)!.Value, precision: 3);
    }
}
