using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Telegram;
using Evacuation.Host.Twilio;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Replies;

/// <summary>
/// A reply the database could not store is never taken for one already stored: webhooks answer 503 (Telegram and
/// Twilio send it again), polling asks for the same update again, the sandbox says so; once the database is back, the
/// reply is stored, acted on and answered.
/// </summary>
public sealed class StorageFailureTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_twilio_webhook_that_cannot_be_stored_is_a_503_and_its_retry_is_stored_and_answered(StorageProvider provider)
    {
        var outage = new StorageOutage();
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(provider, Providers.LiveAgainst(null, twilio), outage.Register);
        var citizen = (await app.AddCitizensAsync(1, telegram: false)).Single();
        List<KeyValuePair<string, string>> form =
        [
            new("AccountSid", twilio.AccountSid), new("Body", "1"), new("From", citizen.Phone!), new("MessageSid", "SM" + new string('a', 32)),
            new("NumMedia", "0"), new("To", "+15005550006"),
        ];

        outage.Down = true;
        var refused = await PostSmsAsync(app, twilio, form);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await app.WithDbAsync(db => db.Replies.CountAsync()));

        outage.Down = false;
        Assert.Equal(HttpStatusCode.OK, (await PostSmsAsync(app, twilio, form)).StatusCode);
        await UntilAnsweredAsync(app, citizen);
    }

    [Fact]
    public async Task A_telegram_webhook_that_cannot_be_stored_is_a_503_and_its_retry_is_stored_and_answered()
    {
        const string Secret = "webhook-secret-0123456789abcdef-0123456789";
        var outage = new StorageOutage();
        await using var telegram = await FakeTelegramServer.StartAsync();
        var settings = Providers.LiveAgainst(telegram, null);
        settings["Telegram:Updates"] = "Webhook";
        settings["Telegram:WebhookSecret"] = Secret;
        settings["Telegram:WebhookUrl"] = "https://evac.example.org/webhooks/telegram";
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, settings, outage.Register);
        var citizen = (await app.AddCitizensAsync(1)).Single();
        var update = telegram.TextMessageUpdate(citizen.TelegramChatId!.Value, "1").ToJsonString();

        outage.Down = true;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostUpdateAsync(app, update, Secret)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Replies.CountAsync()));

        outage.Down = false;
        Assert.Equal(HttpStatusCode.OK, (await PostUpdateAsync(app, update, Secret)).StatusCode);
        await UntilAnsweredAsync(app, citizen);
    }

    [Fact]
    public async Task Polling_does_not_move_past_an_update_it_could_not_store_and_stores_it_once_the_database_is_back()
    {
        var outage = new StorageOutage();
        var logs = new LogLines();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(telegram, null), s =>
        {
            outage.Register(s);
            logs.Register(s);
        });
        var citizen = (await app.AddCitizensAsync(1)).Single();

        outage.Down = true;
        var id = telegram.EnqueueTextMessage(citizen.TelegramChatId!.Value, "1");
        await app.UntilAsync(() => Task.FromResult(logs.All.Contains("an update could not be stored", StringComparison.Ordinal) ? "tried" : null),
            "the poller to fail to store the update");
        outage.Down = false;

        // The poller waits out its back-off on the service's clock.
        await app.UntilAsync(async () =>
        {
            app.Time.Advance(TimeSpan.FromSeconds(1));
            return await app.WithDbAsync(db => db.Replies.AnyAsync(r => r.UpdateId == id)) ? "stored" : null;
        }, "the update to be stored");
        var offsets = telegram.RequestsOf("getUpdates").Select(r => long.TryParse(r.Parameters["offset"]?.ToString(), CultureInfo.InvariantCulture, out var o) ? o : 0).ToList();
        Assert.DoesNotContain(offsets.TakeWhile(o => o <= id), o => o > id);
        Assert.True(offsets.Count(o => o <= id) >= 2, $"the update {id} was asked for again after it could not be stored: offsets {string.Join(",", offsets)}");
        await UntilAnsweredAsync(app, citizen);
    }

    [Fact]
    public async Task A_sandbox_reply_that_cannot_be_stored_is_a_503_and_not_a_stored_reply()
    {
        var outage = new StorageOutage();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, services: outage.Register);
        var citizen = (await app.AddCitizensAsync(1, telegram: false)).Single();
        var request = new { citizenId = citizen.Id.ToString(), channel = "Sms", text = "1" };

        outage.Down = true;
        var refused = await app.Operator().PostAsJsonAsync("/api/sandbox/replies", request);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("send it again", (await refused.ReadJsonAsync()).GetProperty("detail").GetString());

        outage.Down = false;
        Assert.Equal(HttpStatusCode.OK, (await app.Operator().PostAsJsonAsync("/api/sandbox/replies", request)).StatusCode);
        await UntilAnsweredAsync(app, citizen);
    }

    static async Task UntilAnsweredAsync(EvacuationApp app, Citizen citizen)
    {
        await app.UntilAsync(async () =>
            await app.WithDbAsync(db => db.Citizens.AnyAsync(c => c.Id == citizen.Id && c.Status == JourneyStatus.Departed)) ? "departed" : null,
            "the reply to be acted on");
        var answers = await app.UntilDeliveriesAsync(1, d => d.CitizenId == citizen.Id && d.State is DeliveryState.Sent or DeliveryState.Delivered, "the acknowledgement to be sent");
        Assert.Single(answers);
        Assert.Equal(1, await app.WithDbAsync(db => db.Replies.CountAsync()));
    }

    static async Task<HttpResponseMessage> PostSmsAsync(EvacuationApp app, FakeTwilioServer twilio, List<KeyValuePair<string, string>> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioEndpoints.InboundSmsPath) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", FakeTwilioServer.Sign(twilio.AuthToken, Providers.PublicBaseUrl + TwilioEndpoints.InboundSmsPath, form));
        return await app.CreateClient().SendAsync(request);
    }

    static async Task<HttpResponseMessage> PostUpdateAsync(EvacuationApp app, string json, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramEndpoints.WebhookPath) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return await app.CreateClient().SendAsync(request);
    }
}
