using System.Net;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Replies;
using Evacuation.Host.Telegram;
using Evacuation.Host.Tests.Twilio;
using Evacuation.Host.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Limits;

/// <summary>
/// Abuse limits: webhooks counted by source address before any signature check, API calls counted by key, answers
/// bounded per sender (every message still stored), self-enrolment capped per hour.
/// </summary>
public sealed class RateLimitTests
{
    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    static async Task<HttpResponseMessage> PostSmsAsync(EvacuationApp app, List<KeyValuePair<string, string>> form, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioEndpoints.InboundSmsPath) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }
        return await app.CreateClient().SendAsync(request, Cancel);
    }

    static Task<HttpResponseMessage> PostSignedSmsAsync(EvacuationApp app, FakeTwilioServer twilio, string from, string body)
    {
        var form = InboundSmsTests.Inbound("SM" + Guid.NewGuid().ToString("N"), from, body);
        return PostSmsAsync(app, form, FakeTwilioServer.Sign(twilio.AuthToken, Providers.PublicBaseUrl + TwilioEndpoints.InboundSmsPath, form));
    }

    static Dictionary<string, string?> With(Dictionary<string, string?> settings, string key, string value)
    {
        settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task Webhooks_from_one_address_over_the_limit_get_429_before_their_signature_is_checked()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, new() { ["Limits:PerAddressPerMinute"] = "3" });

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await PostSmsAsync(app, InboundSmsTests.Inbound($"SM{i}", "+380501234567", "1"), "forged")).StatusCode);
        }
        var over = await PostSmsAsync(app, InboundSmsTests.Inbound("SM3", "+380501234567", "1"), "forged");
        var telegram = await app.CreateClient().PostAsync(TelegramEndpoints.WebhookPath, new StringContent("{}"), Cancel);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Forbidden, a));
        Assert.Equal((HttpStatusCode)429, over.StatusCode);
        Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Limits:PerAddressPerMinute", await over.Content.ReadAsStringAsync(Cancel));
        Assert.True(int.Parse(over.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal((HttpStatusCode)429, telegram.StatusCode);
    }

    [Fact]
    public async Task Api_calls_over_the_limit_of_one_key_get_429_and_other_keys_go_on()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, new() { ["Limits:PerKeyPerMinute"] = "2" });
        var viewer = app.Viewer();

        var first = await viewer.GetAsync("/api/stats", Cancel);
        var second = await viewer.GetAsync("/api/stats", Cancel);
        var third = await viewer.GetAsync("/api/stats", Cancel);
        var other = await app.Operator().GetAsync("/api/stats", Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Contains("Limits:PerKeyPerMinute", await third.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_sender_of_many_messages_has_every_one_stored_but_is_answered_a_bounded_number_of_times_an_hour()
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, With(Providers.LiveAgainst(null, twilio), "Limits:AnswersPerSenderPerHour", "3"));
        var citizen = (await app.AddCitizensAsync(1, telegram: false)).Single();
        var interpreter = app.Services.GetRequiredService<ReplyInterpreter>();

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostSignedSmsAsync(app, twilio, citizen.Phone!, i % 2 == 0 ? "2" : "hello?")).StatusCode);
        }
        await interpreter.InterpretPendingAsync(Cancel);
        var storedFirst = await app.WithDbAsync(db => db.Replies.CountAsync(r => r.CitizenId == citizen.Id, Cancel));
        var answeredFirst = await app.WithDbAsync(db => db.Deliveries.CountAsync(d => d.CitizenId == citizen.Id, Cancel));
        app.Time.Advance(TimeSpan.FromHours(1));
        await PostSignedSmsAsync(app, twilio, citizen.Phone!, "1");
        await interpreter.InterpretPendingAsync(Cancel);

        Assert.Equal(10, storedFirst);
        Assert.Equal(3, answeredFirst);
        Assert.Equal(4, await app.WithDbAsync(db => db.Deliveries.CountAsync(d => d.CitizenId == citizen.Id, Cancel)));
        Assert.Equal(Core.Citizens.JourneyStatus.Departed, await app.WithDbAsync(db => db.Citizens.Where(c => c.Id == citizen.Id).Select(c => c.Status).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task Self_enrolment_over_the_hourly_cap_is_kept_as_an_unhandled_reply_and_logged()
    {
        var logs = new LogLines();
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, With(Providers.LiveAgainst(null, twilio), "Limits:EnrolmentsPerHour", "2"), logs.Register);
        var interpreter = app.Services.GetRequiredService<ReplyInterpreter>();

        foreach (var phone in new[] { "+380509990001", "+380509990002", "+380509990003" })
        {
            await PostSignedSmsAsync(app, twilio, phone, "JOIN");
        }
        await interpreter.InterpretPendingAsync(Cancel);
        var enrolled = await app.WithDbAsync(db => db.Citizens.Select(c => c.Phone).ToListAsync(Cancel));
        var refused = await app.WithDbAsync(db => db.Replies.SingleAsync(r => r.From == "+380509990003", Cancel));
        app.Time.Advance(TimeSpan.FromMinutes(61));
        await PostSignedSmsAsync(app, twilio, "+380509990004", "JOIN");
        await interpreter.InterpretPendingAsync(Cancel);

        Assert.Equal(["+380509990001", "+380509990002"], enrolled.Order());
        Assert.True(refused.Unhandled);
        Assert.Null(refused.CitizenId);
        Assert.StartsWith("not enrolled", refused.Meaning);
        Assert.Contains("Self-enrolment cap reached", logs.All);
        Assert.Equal(3, await app.WithDbAsync(db => db.Citizens.CountAsync(Cancel)));
    }
}
