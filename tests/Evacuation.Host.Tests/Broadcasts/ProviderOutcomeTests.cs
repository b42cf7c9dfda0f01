using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Broadcasts;

/// <summary>Real Telegram.Bot and Twilio clients against the loopback fakes: every provider answer ends in the right state.</summary>
public sealed class ProviderOutcomeTests
{
    [Fact]
    public async Task A_telegram_429_is_retried_after_retry_after_and_then_sent()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AnswerNext(TelegramAnswers.TooManyRequests(1));
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(telegram, null));
        await app.AddCitizensAsync(1, sms: false);

        var id = await app.BroadcastAsync(new { kind = "Advisory" });
        var waiting = (await app.UntilDeliveriesAsync(1, d => d.State == DeliveryState.Pending && d.Attempts == 1, "the 429 to be recorded")).Single();
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime.AddSeconds(1), waiting.NextAttemptAt);
        Assert.Contains("429", waiting.LastError, StringComparison.Ordinal);

        app.Time.Advance(TimeSpan.FromSeconds(1));
        var done = await app.UntilStateAsync(id, "Completed");

        Assert.Equal(1, done.GetProperty("sent").GetInt64());
        Assert.Equal(2, telegram.SentMessages.Count);
        Assert.Equal(4, telegram.SentMessages[^1].Buttons.Count);
    }

    [Fact]
    public async Task An_html_502_from_a_proxy_is_retried()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AnswerNext(TelegramAnswers.HtmlBadGateway);
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(telegram, null));
        await app.AddCitizensAsync(1, sms: false);

        var id = await app.BroadcastAsync(new { kind = "Advisory" });
        await app.UntilDeliveriesAsync(1, d => d.State == DeliveryState.Pending && d.Attempts == 1, "the 502 to be recorded");
        app.Time.Advance(RetryBackoff.After(1, jitter: 0.999));

        Assert.Equal(1, (await app.UntilStateAsync(id, "Completed")).GetProperty("sent").GetInt64());
        Assert.Equal(2, telegram.SentMessages.Count);
    }

    public static Labelled<FakeAnswer, DeliveryState, bool> TelegramFinalAnswers => new()
    {
        { "400 chat not found", TelegramAnswers.ChatNotFound, DeliveryState.Failed, false },
        { "403 bot blocked", TelegramAnswers.Blocked, DeliveryState.Undeliverable, true },
        { "403 user deactivated", TelegramAnswers.UserDeactivated, DeliveryState.Undeliverable, true },
    };

    [Theory]
    [MemberData(nameof(TelegramFinalAnswers))]
    public async Task A_final_telegram_answer_fails_the_recipient_without_retrying(FakeAnswer answer, DeliveryState state, bool unreachable)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AnswerForChat(1000, answer);
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(telegram, null));
        var citizen = (await app.AddCitizensAsync(1, sms: false)).Single();

        var id = await app.BroadcastAsync(new { kind = "Advisory" });
        var done = await app.UntilStateAsync(id, "Completed");
        Assert.Equal(1, done.GetProperty("failed").GetInt64());
        Assert.Equal(state, (await app.DeliveriesAsync()).Single().State);
        Assert.Single(telegram.SentMessages);
        Assert.Equal(unreachable, await app.WithDbAsync(db => db.Citizens.Where(c => c.Id == citizen.Id).Select(c => c.TelegramUnreachable).SingleAsync()));
    }

    [Theory]
    [InlineData("Preferred", true, 1, Label = "Preferred, has a phone: sent by SMS once")]
    [InlineData("Preferred", false, 0, Label = "Preferred, no phone: failed")]
    [InlineData("Telegram", true, 0, Label = "Telegram only: failed, no SMS")]
    public async Task A_telegram_message_that_fails_for_good_falls_back_to_sms_under_preferred(string channels, bool phone, int smsSent)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var twilio = await FakeTwilioServer.StartAsync();
        telegram.AnswerForChat(1000, TelegramAnswers.ChatNotFound);
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(telegram, twilio));
        var citizen = (await app.AddCitizensAsync(1, sms: phone)).Single();

        var id = await app.BroadcastAsync(new { kind = "Advisory", channels });
        var done = await app.UntilStateAsync(id, "Completed");

        Assert.Equal(smsSent, done.GetProperty("sent").GetInt64());
        Assert.Equal(1 - smsSent, done.GetProperty("failed").GetInt64());
        var deliveries = await app.DeliveriesAsync(d => d.CitizenId == citizen.Id);
        Assert.Equal(DeliveryState.Failed, deliveries.Single(d => d.Channel == ChannelKind.Telegram).State);
        Assert.Equal(smsSent, deliveries.Count(d => d.Channel == ChannelKind.Sms && d.State == DeliveryState.Sent));
        Assert.Equal(smsSent, twilio.Requests.Count);
        Assert.Equal(telegram.SentMessages.Single().Text, twilio.Requests.SingleOrDefault()?.Body ?? telegram.SentMessages.Single().Text);
        Assert.False(await app.WithDbAsync(db => db.Citizens.Where(c => c.Id == citizen.Id).Select(c => c.TelegramUnreachable).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Evacuation.Testing.TestDatabase.Providers), MemberType = typeof(Evacuation.Testing.TestDatabase))]
    public async Task A_blocked_bot_falls_back_to_sms_through_twilio(StorageProvider provider)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var twilio = await FakeTwilioServer.StartAsync();
        telegram.AnswerForChat(1000, TelegramAnswers.Blocked);
        await using var app = await EvacuationApp.StartAsync(provider, Providers.LiveAgainst(telegram, twilio));
        var citizens = await app.AddCitizensAsync(2);

        var id = await app.BroadcastAsync(new { kind = "Advisory", channels = "Preferred" });
        var done = await app.UntilStateAsync(id, "Completed");

        Assert.Equal(2, done.GetProperty("sent").GetInt64());
        Assert.Equal(0, done.GetProperty("failed").GetInt64());
        var deliveries = await app.DeliveriesAsync(d => d.CitizenId == citizens[0].Id);
        Assert.Equal(DeliveryState.Undeliverable, deliveries.Single(d => d.Channel == ChannelKind.Telegram).State);
        var sms = deliveries.Single(d => d.Channel == ChannelKind.Sms);
        Assert.Equal(DeliveryState.Sent, sms.State);
        var request = Assert.Single(twilio.Requests);
        Assert.Equal(citizens[0].Phone, request.To);
        Assert.Equal($"{Providers.PublicBaseUrl}/webhooks/twilio/status?deliveryId={sms.Id}", request.StatusCallback);
        Assert.Equal(sms.ProviderMessageId, await app.WithDbAsync(db => db.Deliveries.Where(d => d.Id == sms.Id).Select(d => d.ProviderMessageId).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Citizens.Where(c => c.Id == citizens[0].Id).Select(c => c.TelegramUnreachable).SingleAsync()));
    }

    [Fact]
    public async Task Twilio_21610_marks_the_citizen_unreachable_by_sms()
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(null, twilio));
        var citizen = (await app.AddCitizensAsync(1, telegram: false)).Single();
        twilio.AnswerForNumber(citizen.Phone!, TwilioAnswers.Unsubscribed);

        var id = await app.BroadcastAsync(new { kind = "Advisory", channels = "Sms" });
        var done = await app.UntilStateAsync(id, "Completed");

        Assert.Equal(1, done.GetProperty("failed").GetInt64());
        Assert.Equal(DeliveryState.Undeliverable, (await app.DeliveriesAsync()).Single().State);
        Assert.True(await app.WithDbAsync(db => db.Citizens.Where(c => c.Id == citizen.Id).Select(c => c.SmsUnreachable).SingleAsync()));
    }

    [Fact]
    public async Task A_twilio_429_is_retried_and_an_invalid_number_fails()
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(null, twilio));
        var citizens = await app.AddCitizensAsync(2, telegram: false);
        twilio.AnswerForNumber(citizens[1].Phone!, TwilioAnswers.InvalidNumber);
        twilio.AnswerNext(TwilioAnswers.TooManyRequests);

        var id = await app.BroadcastAsync(new { kind = "Advisory", channels = "Sms" });
        await app.UntilDeliveriesAsync(1, d => d.State == DeliveryState.Pending && d.Attempts == 1, "the 429 to be recorded");
        app.Time.Advance(RetryBackoff.After(1, jitter: 0.999));
        var done = await app.UntilStateAsync(id, "Completed");

        Assert.Equal(1, done.GetProperty("sent").GetInt64());
        Assert.Equal(1, done.GetProperty("failed").GetInt64());
    }

    [Fact]
    public async Task A_rejected_bot_token_stops_the_telegram_channel_and_keeps_its_messages_pending()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(telegram, null));
        // Every method refuses the token, getMe too: the channel's minute probe must keep it stopped (an answer script
        // for sendMessage alone let the probe's getMe succeed, the channel resume and the three be sent again).
        telegram.RefuseToken = true;
        await app.AddCitizensAsync(3, sms: false);

        var id = await app.BroadcastAsync(new { kind = "Advisory" });
        var stops = app.Services.GetRequiredService<ChannelStops>();
        await app.UntilAsync(() => Task.FromResult(stops.IsStopped(ChannelKind.Telegram) ? "stopped" : null), "the channel to stop");
        await app.UntilDeliveriesAsync(3, d => d.State == DeliveryState.Pending, "claims to be released");

        app.Time.Advance(TimeSpan.FromHours(1));
        var progress = await app.ProgressAsync(id);
        Assert.Equal("Sending", progress.GetProperty("state").GetString());
        Assert.Equal(3, progress.GetProperty("pending").GetInt64());
        Assert.InRange(telegram.SentMessages.Count, 1, 3);
    }

    [Theory]
    [MemberData(nameof(Evacuation.Testing.TestDatabase.Providers), MemberType = typeof(Evacuation.Testing.TestDatabase))]
    public async Task A_claim_whose_lease_expired_is_reclaimed_and_sent(StorageProvider provider)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(provider, Providers.LiveAgainst(telegram, null));
        var citizen = (await app.AddCitizensAsync(1, sms: false)).Single();
        var now = app.Time.GetUtcNow().UtcDateTime;
        var broadcast = new Core.Broadcasts.Broadcast
        {
            Kind = Core.Broadcasts.BroadcastKind.Advisory, State = Core.Broadcasts.BroadcastState.Sending, CreatedBy = "test",
            CreatedAt = now, SendAt = now, Recipients = 1, FannedOutAt = now,
        };
        // As a process killed mid-send leaves it: claimed, lease running, no answer recorded.
        var orphan = new Delivery
        {
            BroadcastId = broadcast.Id, CitizenId = citizen.Id, Channel = ChannelKind.Telegram, Address = "1000", Text = "Leave now.",
            State = DeliveryState.Sending, Attempts = 1, NextAttemptAt = now, LeaseUntil = now.AddSeconds(30), CreatedAt = now,
        };
        await app.WithDbAsync(async db =>
        {
            db.Broadcasts.Add(broadcast);
            db.Deliveries.Add(orphan);
            return await db.SaveChangesAsync();
        });

        Assert.Empty(telegram.SentMessages);
        app.Time.Advance(TimeSpan.FromSeconds(31));
        var done = await app.UntilStateAsync(broadcast.Id.ToString(), "Completed");

        Assert.Equal(1, done.GetProperty("sent").GetInt64());
        Assert.Equal(2, (await app.DeliveriesAsync()).Single().Attempts);
        Assert.Single(telegram.SentMessages);
    }
}
