using System.Net;
using Evacuation.Channels.Telegram;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Replies;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Replies;
using Evacuation.Host.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Evacuation.Host.Tests.Telegram;

/// <summary>
/// A pressed inline button spins until the bot calls answerCallbackQuery
/// (https://core.telegram.org/bots/api#answercallbackquery): once per stored press, in both update modes, and a
/// failed answer never costs the reply.
/// </summary>
public sealed class ButtonPressTests
{
    const string RecordedQueryId = "4382917356102938475";

    static async Task<(EvacuationApp App, FakeTelegramServer Telegram, Citizen Citizen)> StartAsync(bool webhook)
    {
        var telegram = await FakeTelegramServer.StartAsync();
        var settings = Providers.LiveAgainst(telegram, null);
        if (webhook)
        {
            settings["Telegram:Updates"] = "Webhook";
            settings["Telegram:WebhookSecret"] = "webhook-secret-0123456789abcdef-0123456789";
            settings["Telegram:WebhookUrl"] = "https://evac.example.org/webhooks/telegram";
        }
        var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, settings);
        var citizen = (await app.AddCitizensAsync(1)).Single();
        return (app, telegram, citizen);
    }

    [Fact]
    public async Task A_webhook_press_is_answered_once_even_when_telegram_sends_it_again()
    {
        var (app, telegram, citizen) = await StartAsync(webhook: true);
        await using var _ = app;
        await using var __ = telegram;
        var json = await TelegramPayloadTests.ReadAsync("callback_query.json", citizen.TelegramChatId!.Value);

        Assert.Equal(HttpStatusCode.OK, (await TelegramPayloadTests.PostAsync(app, json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TelegramPayloadTests.PostAsync(app, json)).StatusCode);

        var answer = Assert.Single(telegram.RequestsOf("answerCallbackQuery"));
        Assert.Equal(RecordedQueryId, answer.Parameters["callback_query_id"]?.ToString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Replies.CountAsync()));
    }

    [Fact]
    public async Task A_polled_press_is_answered_once_right_after_it_is_stored()
    {
        var (app, telegram, citizen) = await StartAsync(webhook: false);
        await using var _ = app;
        await using var __ = telegram;
        var chat = citizen.TelegramChatId!.Value;

        var press = telegram.EnqueueButtonPress(chat, "reply:1");
        await app.UntilAsync(() => Task.FromResult(telegram.RequestsOf("answerCallbackQuery").Count > 0 ? "answered" : null), "answerCallbackQuery");
        // The loop has moved past the press once a later update is stored: no second answer can still be coming.
        var later = telegram.EnqueueTextMessage(chat, "2");
        await app.UntilAsync(async () => await app.WithDbAsync(db => db.Replies.AnyAsync(r => r.UpdateId == later)) ? "stored" : null, "the later update");

        var answer = Assert.Single(telegram.RequestsOf("answerCallbackQuery"));
        Assert.Equal("cb" + press, answer.Parameters["callback_query_id"]?.ToString());
    }

    public static Labelled<string> Failures => new()
    {
        { "the query is too old", "400" },
        { "a proxy answers html 502", "502" },
        { "the token is rejected", "401" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_answer_still_keeps_and_acts_on_the_press(string failure)
    {
        var (app, telegram, citizen) = await StartAsync(webhook: true);
        await using var _ = app;
        await using var __ = telegram;
        telegram.AnswersFor("answerCallbackQuery").Always(Failure(failure));

        var response = await TelegramPayloadTests.PostAsync(app, await TelegramPayloadTests.ReadAsync("callback_query.json", citizen.TelegramChatId!.Value));
        await app.InterpretRepliesAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(telegram.RequestsOf("answerCallbackQuery"));
        Assert.Equal(JourneyStatus.Staying, (await app.WithDbAsync(db => db.Citizens.SingleAsync(c => c.Id == citizen.Id))).Status);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_answer_is_logged_without_the_token(string failure)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AnswersFor("answerCallbackQuery").Always(Failure(failure));
        using var clients = new RefusingClients(new HashSet<int>());
        var logger = new ListLogger<ButtonPresses>();
        var presses = new ButtonPresses(Options.Create(new TelegramOptions { BotToken = telegram.Token, ApiBaseUrl = telegram.BaseUrl }), clients, new FakeTimeProvider(), logger);

        await presses.AnswerAsync(new InboundMessage(ChannelKind.Telegram, "77", InboundKind.Button) { UpdateId = 77, CallbackQueryId = "cb77" }, TestContext.Current.CancellationToken);

        var line = Assert.Single(logger.Lines);
        Assert.Contains("answerCallbackQuery", line, StringComparison.Ordinal);
        Assert.DoesNotContain(telegram.Token, line, StringComparison.Ordinal);
        Assert.DoesNotContain(telegram.Token.Split(':')[1], line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_button_presses_are_answered()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var clients = new RefusingClients(new HashSet<int>());
        var presses = new ButtonPresses(Options.Create(new TelegramOptions { BotToken = telegram.Token, ApiBaseUrl = telegram.BaseUrl }), clients, new FakeTimeProvider(), new ListLogger<ButtonPresses>());

        await presses.AnswerAsync(new InboundMessage(ChannelKind.Telegram, "78", InboundKind.Text) { UpdateId = 78, ChatId = 1, Text = "1" }, TestContext.Current.CancellationToken);

        Assert.Empty(telegram.Requests);
    }

    static FakeAnswer Failure(string failure) => failure switch
    {
        "400" => TelegramAnswers.BadRequest("query is too old and response timeout expired or query ID is invalid"),
        "502" => TelegramAnswers.HtmlBadGateway,
        _ => TelegramAnswers.Unauthorized,
    };
}
