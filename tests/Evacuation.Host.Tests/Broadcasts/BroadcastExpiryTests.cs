using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Fakes;

namespace Evacuation.Host.Tests.Broadcasts;

/// <summary>Only an operator's expiresAt ends a message unsent; what passes it is counted as expired, not failed.</summary>
public sealed class BroadcastExpiryTests
{
    [Fact]
    public async Task An_sms_carries_twilio_validity_until_the_broadcasts_expiry()
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(null, twilio));
        await app.AddCitizensAsync(2, telegram: false);
        var expiresAt = app.Time.GetUtcNow().AddMinutes(30);

        var id = await app.BroadcastAsync(new { kind = "Advisory", expiresAt });
        var done = await app.UntilStateAsync(id, "Completed");

        Assert.Equal(2, done.GetProperty("sent").GetInt64());
        Assert.All(twilio.Requests, r => Assert.Equal(1800, r.ValidityPeriod));
        Assert.Equal(expiresAt.UtcDateTime, done.GetProperty("expiresAt").GetDateTime());
    }

    [Fact]
    public async Task Without_an_expiry_an_sms_leaves_twilios_default_and_the_broadcast_never_expires()
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(null, twilio));
        await app.AddCitizensAsync(1, telegram: false);

        var done = await app.UntilStateAsync(await app.BroadcastAsync(new { kind = "Advisory" }), "Completed");

        Assert.Null(Assert.Single(twilio.Requests).ValidityPeriod);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, done.GetProperty("expiresAt").ValueKind);
    }

    [Fact]
    public async Task A_message_still_retrying_at_the_expiry_ends_expired_with_its_own_counter()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AnswerNext(TelegramAnswers.HtmlBadGateway);
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(telegram, null));
        await app.AddCitizensAsync(1, sms: false);

        var id = await app.BroadcastAsync(new { kind = "Advisory", expiresAt = app.Time.GetUtcNow().AddSeconds(1) });
        var retrying = (await app.UntilDeliveriesAsync(1, d => d.State != DeliveryState.Sending && d.Attempts == 1, "the 502 to be recorded")).Single();
        var done = await app.UntilStateAsync(id, "Completed");

        Assert.Equal(DeliveryState.Expired, (await app.DeliveriesAsync()).Single().State);
        Assert.True(retrying.State is DeliveryState.Expired or DeliveryState.Pending);
        Assert.Equal(1, done.GetProperty("expired").GetInt64());
        Assert.Equal(0, done.GetProperty("failed").GetInt64());
        Assert.Equal(0, done.GetProperty("pending").GetInt64());
        Assert.Single(telegram.SentMessages);
    }

    [Fact]
    public async Task A_queue_far_longer_than_the_old_thirty_minutes_fails_nobody()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AnswerNext(TelegramAnswers.HtmlBadGateway);
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(telegram, null));
        await app.AddCitizensAsync(1, sms: false);

        var id = await app.BroadcastAsync(new { kind = "Advisory" });
        await app.UntilDeliveriesAsync(1, d => d.State == DeliveryState.Pending && d.Attempts == 1, "the 502 to be recorded");
        app.Time.Advance(TimeSpan.FromHours(3));

        Assert.Equal(1, (await app.UntilStateAsync(id, "Completed")).GetProperty("sent").GetInt64());
    }
}
