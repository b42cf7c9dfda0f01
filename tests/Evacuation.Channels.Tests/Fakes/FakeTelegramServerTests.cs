using Evacuation.Channels.Telegram;
using Evacuation.Fakes;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Evacuation.Channels.Tests.Fakes;

/// <summary>The fake must speak the Bot API well enough for Telegram.Bot itself: the Host's polling and webhook tests rely on it.</summary>
public sealed class FakeTelegramServerTests : IAsyncLifetime
{
    private FakeTelegramServer server = null!;
    private HttpClient http = null!;
    private TelegramBotClient bot = null!;

    public async ValueTask InitializeAsync()
    {
        server = await FakeTelegramServer.StartAsync();
        http = new HttpClient();
        bot = TelegramBot.CreateClient(new TelegramOptions { BotToken = server.Token, ApiBaseUrl = server.BaseUrl }, http);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task GetMe_describes_the_bot()
    {
        var me = await bot.GetMe(TestContext.Current.CancellationToken);

        Assert.Equal(FakeTelegramServer.BotId, me.Id);
        Assert.True(me.IsBot);
    }

    [Fact]
    public async Task Queued_messages_locations_and_button_presses_come_back_from_getUpdates_as_the_library_reads_them()
    {
        var textId = server.EnqueueTextMessage(42, "I have left");
        server.EnqueueLocation(42, 49.84, 24.03);
        server.EnqueueButtonPress(42, "reply:2");

        var updates = await bot.GetUpdates(offset: 0, timeout: 0, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, updates.Length);
        Assert.Equal(textId, updates[0].Id);
        Assert.Equal("I have left", updates[0].Message!.Text);
        Assert.Equal(42, updates[0].Message!.Chat.Id);
        Assert.Equal(49.84, updates[1].Message!.Location!.Latitude, 3);
        Assert.Equal(UpdateType.CallbackQuery, updates[2].Type);
        Assert.Equal("reply:2", updates[2].CallbackQuery!.Data);
    }

    [Fact]
    public async Task An_offset_confirms_earlier_updates_so_they_are_not_sent_again()
    {
        var first = server.EnqueueTextMessage(42, "1");
        server.EnqueueTextMessage(42, "2");

        var updates = await bot.GetUpdates(offset: (int)first + 1, timeout: 0, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("2", Assert.Single(updates).Message!.Text);
    }

    [Fact]
    public async Task A_long_poll_is_held_until_an_update_arrives()
    {
        var polling = bot.GetUpdates(offset: 0, timeout: 25, cancellationToken: TestContext.Current.CancellationToken);
        await server.WhenRequests(1, TestContext.Current.CancellationToken);
        Assert.False(polling.IsCompleted);

        server.EnqueueTextMessage(7, "help");

        Assert.Equal("help", Assert.Single(await polling).Message!.Text);
    }

    [Fact]
    public async Task SetWebhook_records_the_url_and_secret()
    {
        await bot.SetWebhook("https://evac.example.org/webhooks/telegram", secretToken: "s3cret", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("https://evac.example.org/webhooks/telegram", server.WebhookUrl);
        Assert.Equal("s3cret", server.WebhookSecret);
    }

    [Fact]
    public async Task AnswerCallbackQuery_is_accepted_and_recorded()
    {
        await bot.AnswerCallbackQuery("cb1", "Thank you", cancellationToken: TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("answerCallbackQuery", request.Method);
        Assert.Equal("cb1", request.Parameters["callback_query_id"]?.ToString());
    }

    [Fact]
    public async Task A_scripted_getUpdates_error_reaches_the_library_once_and_then_updates_flow_again()
    {
        server.AnswersFor("getUpdates").Next(TelegramAnswers.TooManyRequests(7));
        var id = server.EnqueueTextMessage(42, "1");

        var refused = await Assert.ThrowsAsync<ApiRequestException>(
            () => bot.GetUpdates(0, timeout: 0, cancellationToken: TestContext.Current.CancellationToken));
        var updates = await bot.GetUpdates(0, timeout: 0, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(429, refused.ErrorCode);
        Assert.Equal(7, refused.Parameters?.RetryAfter);
        Assert.Equal(id, Assert.Single(updates).Id);
        Assert.Equal(2, server.RequestsOf("getUpdates").Count);
    }

    [Fact]
    public async Task A_scripted_answerCallbackQuery_error_does_not_touch_sendMessage()
    {
        server.AnswersFor("answerCallbackQuery").Next(TelegramAnswers.BadRequest("query is too old and response timeout expired or query ID is invalid"));

        await Assert.ThrowsAsync<ApiRequestException>(
            () => bot.AnswerCallbackQuery("cb1", cancellationToken: TestContext.Current.CancellationToken));
        await bot.SendMessage(42, "hello", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Single(server.RequestsOf("answerCallbackQuery"));
        Assert.Single(server.SentMessages);
    }
}
