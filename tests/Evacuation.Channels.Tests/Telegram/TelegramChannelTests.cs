using Evacuation.Channels.Telegram;
using Evacuation.Core.Channels;
using Evacuation.Fakes;

namespace Evacuation.Channels.Tests.Telegram;

public sealed class TelegramChannelTests : IAsyncLifetime
{
    private const long ChatId = 555000111;

    // Provider answers by label, so each theory row reads as a case and stays serializable.
    private static readonly Dictionary<string, FakeAnswer> Answers = new()
    {
        ["429 with retry_after"] = TelegramAnswers.TooManyRequests(7),
        ["500 with a JSON body"] = TelegramAnswers.InternalServerError,
        ["502 with an HTML body"] = TelegramAnswers.HtmlBadGateway,
        ["403 bot was blocked by the user"] = TelegramAnswers.Blocked,
        ["403 user is deactivated"] = TelegramAnswers.UserDeactivated,
        ["403 bot can't initiate conversation"] = TelegramAnswers.CantInitiate,
        ["400 chat not found"] = TelegramAnswers.ChatNotFound,
        ["400 message text is empty"] = TelegramAnswers.BadRequest("message text is empty"),
        ["401 Unauthorized"] = TelegramAnswers.Unauthorized,
        ["404 Not Found"] = TelegramAnswers.NotFound,
    };

    private FakeTelegramServer server = null!;
    private HttpClient http = null!;

    public async ValueTask InitializeAsync()
    {
        server = await FakeTelegramServer.StartAsync();
        http = new HttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_message_goes_to_the_chat_id_with_its_text_and_comes_back_sent_with_the_message_id()
    {
        var result = await Channel().SendAsync(Message("Leave now."), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.False(string.IsNullOrEmpty(result.ProviderMessageId));
        var sent = Assert.Single(server.SentMessages);
        Assert.Equal(ChatId.ToString(), sent.ChatId);
        Assert.Equal("Leave now.", sent.Text);
        Assert.Empty(sent.Buttons);
    }

    [Fact]
    public async Task A_message_with_reply_buttons_carries_four_buttons_whose_callback_data_is_the_reply_code()
    {
        await Channel().SendAsync(Message("Leave now.", withButtons: true), TestContext.Current.CancellationToken);

        var sent = Assert.Single(server.SentMessages);
        Assert.Equal(["reply:1", "reply:2", "reply:3", "reply:4"], sent.Buttons.Select(b => b.CallbackData));
        Assert.All(sent.Buttons.Zip("1234"), pair => Assert.StartsWith(pair.Second.ToString(), pair.First.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("replies:uk", new[] { "1 Вже за кордоном", "2 В дорозі", "3 Залишаюся", "4 Потрібна допомога" })]
    [InlineData("replies:ru", new[] { "1 Уже за границей", "2 В пути", "3 Остаюсь", "4 Нужна помощь" })]
    [InlineData("replies:he", new[] { "1 מחוץ לאוקראינה", "2 בדרך", "3 נשארים", "4 צריכים עזרה" })]
    [InlineData("replies:en", new[] { "1 Out of Ukraine", "2 On the way", "3 Staying", "4 Need help" })]
    [InlineData(null, new[] { "1 Out of Ukraine", "2 On the way", "3 Staying", "4 Need help" })]
    public async Task Reply_buttons_are_labelled_in_the_language_the_delivery_carries(string? keyboard, string[] labels)
    {
        await Channel().SendAsync(Message("Leave now.", withButtons: true) with { Keyboard = keyboard }, TestContext.Current.CancellationToken);

        Assert.Equal(labels, Assert.Single(server.SentMessages).Buttons.Select(b => b.Text));
    }

    [Fact]
    public async Task A_text_over_4096_characters_is_sent_in_parts_with_the_buttons_only_on_the_last()
    {
        var paragraph = new string('a', 3000);
        var text = string.Join("\n\n", paragraph, paragraph, paragraph);

        var result = await Channel().SendAsync(Message(text, withButtons: true), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var sent = server.SentMessages;
        Assert.Equal(3, sent.Count);
        Assert.All(sent, s => Assert.Equal(paragraph, s.Text));
        Assert.Empty(sent[0].Buttons);
        Assert.Empty(sent[1].Buttons);
        Assert.Equal(4, sent[2].Buttons.Count);
    }

    [Fact]
    public async Task When_a_later_part_fails_the_result_is_that_failure_and_names_the_part()
    {
        server.AnswerNext(TelegramAnswers.Ok, TelegramAnswers.TooManyRequests(3));
        var text = new string('a', 4000) + "\n\n" + new string('b', 100);

        var result = await Channel().SendAsync(Message(text), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.StartsWith("part 2 of 2", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("429 with retry_after", SendOutcome.Retry)]
    [InlineData("500 with a JSON body", SendOutcome.Retry)]
    [InlineData("502 with an HTML body", SendOutcome.Retry)]
    [InlineData("403 bot was blocked by the user", SendOutcome.Unreachable)]
    [InlineData("403 user is deactivated", SendOutcome.Unreachable)]
    [InlineData("403 bot can't initiate conversation", SendOutcome.Unreachable)]
    [InlineData("400 chat not found", SendOutcome.Permanent)]
    [InlineData("400 message text is empty", SendOutcome.Permanent)]
    [InlineData("401 Unauthorized", SendOutcome.Misconfigured)]
    [InlineData("404 Not Found", SendOutcome.Misconfigured)]
    public async Task Each_provider_answer_becomes_one_outcome(string answer, SendOutcome expected)
    {
        server.AnswerForChat(ChatId, Answers[answer]);

        var result = await Channel().SendAsync(Message("Leave now."), TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Outcome);
        Assert.Single(server.SentMessages); // the library did not retry on its own
        Assert.DoesNotContain(FakeTelegramServer.DefaultToken, result.Error ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_carries_retry_after_and_is_not_retried_by_the_library()
    {
        server.AnswerNext(TelegramAnswers.TooManyRequests(2));

        var result = await Channel().SendAsync(Message("Leave now."), TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromSeconds(2), result.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_wrong_token_is_misconfigured_and_the_token_stays_out_of_the_error()
    {
        const string wrongToken = "987654321:WrongSecret_value";
        var options = new TelegramOptions { BotToken = wrongToken, ApiBaseUrl = server.BaseUrl };

        var result = await new TelegramChannel(TelegramBot.CreateClient(options, http)).SendAsync(Message("x"), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Misconfigured, result.Outcome);
        Assert.DoesNotContain("WrongSecret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_in_time_is_a_retry()
    {
        var neverReleased = new TaskCompletionSource();
        server.AnswerNext(TelegramAnswers.Ok.After(neverReleased.Task));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        var channel = new TelegramChannel(TelegramBot.CreateClient(Options(), impatient));

        var result = await channel.SendAsync(Message("Leave now."), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Contains("timed out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_answer_is_waited_for()
    {
        var release = new TaskCompletionSource();
        server.AnswerNext(TelegramAnswers.Ok.After(release.Task));

        var sending = Channel().SendAsync(Message("Leave now."), TestContext.Current.CancellationToken);
        await server.WhenRequests(1, TestContext.Current.CancellationToken);
        Assert.False(sending.IsCompleted);
        release.SetResult();

        Assert.Equal(SendOutcome.Sent, (await sending).Outcome);
    }

    [Fact]
    public async Task A_refused_connection_is_a_retry()
    {
        var closed = await FakeTelegramServer.StartAsync();
        var deadUrl = closed.BaseUrl;
        await closed.DisposeAsync();
        var options = new TelegramOptions { BotToken = FakeTelegramServer.DefaultToken, ApiBaseUrl = deadUrl };

        var result = await new TelegramChannel(TelegramBot.CreateClient(options, http)).SendAsync(Message("x"), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Retry, result.Outcome);
    }

    [Fact]
    public async Task An_address_that_is_not_a_chat_id_is_permanent_without_a_request()
    {
        var result = await Channel().SendAsync(Message("x") with { Address = "+380501234567" }, TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Empty(server.Requests);
    }

    private TelegramOptions Options() => new() { BotToken = server.Token, ApiBaseUrl = server.BaseUrl };

    private TelegramChannel Channel() => new(TelegramBot.CreateClient(Options(), http));

    private static OutboundMessage Message(string text, bool withButtons = false) =>
        new(Guid.NewGuid(), Guid.NewGuid(), ChannelKind.Telegram, ChatId.ToString(), text, withButtons);
}
