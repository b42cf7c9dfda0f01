using Evacuation.Channels.Twilio;
using Evacuation.Core.Channels;
using Evacuation.Fakes;

namespace Evacuation.Channels.Tests.Twilio;

public sealed class TwilioChannelTests : IAsyncLifetime
{
    private const string Citizen = "+380501234567";
    private const string Sender = "+15005550006";
    private const string ServiceSid = "MG0123456789abcdef0123456789abcdef";

    private static readonly Dictionary<string, FakeAnswer> Answers = new()
    {
        ["20429 too many requests"] = TwilioAnswers.TooManyRequests,
        ["plain HTTP 429"] = new FakeAnswer(429, """{"status":429,"message":"Too Many Requests"}"""),
        ["500 on create"] = TwilioAnswers.InternalError,
        ["502 with an HTML body"] = TwilioAnswers.HtmlBadGateway,
        ["21211 invalid To"] = TwilioAnswers.InvalidNumber,
        ["21614 not a mobile"] = TwilioAnswers.NotMobile,
        ["21610 recipient said STOP"] = TwilioAnswers.Unsubscribed,
        ["20003 authentication"] = TwilioAnswers.AuthenticationFailed,
        ["21606 From cannot send"] = TwilioAnswers.BadFrom,
        ["21659 From not a Twilio number"] = TwilioAnswers.Error(400, 21659, "From is not a Twilio phone number"),
        ["an unknown 400"] = TwilioAnswers.Error(400, 21999, "Something else"),
    };

    private FakeTwilioServer server = null!;

    public async ValueTask InitializeAsync() => server = await FakeTwilioServer.StartAsync();

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_message_is_created_with_To_From_Body_and_a_status_callback_naming_the_delivery()
    {
        var message = Message("Leave now.");

        var result = await Channel().SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.StartsWith("SM", result.ProviderMessageId, StringComparison.Ordinal);
        var request = Assert.Single(server.Requests);
        Assert.True(request.Authenticated);
        Assert.Equal(Citizen, request.To);
        Assert.Equal(Sender, request.From);
        Assert.Null(request.MessagingServiceSid);
        Assert.Equal("Leave now.", request.Body);
        Assert.Equal($"https://evac.example.org/webhooks/twilio/status?deliveryId={message.DeliveryId}", request.StatusCallback);
    }

    [Fact]
    public async Task A_messaging_service_is_the_sender_when_configured()
    {
        var options = Options();
        options.MessagingServiceSid = ServiceSid;

        await Channel(options).SendAsync(Message("Leave now."), TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal(ServiceSid, request.MessagingServiceSid);
        Assert.Null(request.From);
    }

    [Fact]
    public async Task Without_a_public_base_url_no_status_callback_is_asked_for()
    {
        var options = Options();
        options.PublicBaseUrl = null;

        await Channel(options).SendAsync(Message("Leave now."), TestContext.Current.CancellationToken);

        Assert.Null(Assert.Single(server.Requests).StatusCallback);
    }

    [Fact]
    public async Task Hebrew_and_Cyrillic_text_arrive_unchanged()
    {
        await Channel().SendAsync(Message("עזבו עכשיו. Їдьте зараз."), TestContext.Current.CancellationToken);

        Assert.Equal("עזבו עכשיו. Їдьте зараз.", Assert.Single(server.Requests).Body);
    }

    [Theory]
    [InlineData("20429 too many requests", SendOutcome.Retry)]
    [InlineData("plain HTTP 429", SendOutcome.Retry)]
    [InlineData("500 on create", SendOutcome.Retry)]
    [InlineData("502 with an HTML body", SendOutcome.Retry)]
    [InlineData("21211 invalid To", SendOutcome.Permanent)]
    [InlineData("21614 not a mobile", SendOutcome.Permanent)]
    [InlineData("21610 recipient said STOP", SendOutcome.Unreachable)]
    [InlineData("20003 authentication", SendOutcome.Misconfigured)]
    [InlineData("21606 From cannot send", SendOutcome.Misconfigured)]
    [InlineData("21659 From not a Twilio number", SendOutcome.Misconfigured)]
    [InlineData("an unknown 400", SendOutcome.Permanent)]
    public async Task Each_provider_answer_becomes_one_outcome(string answer, SendOutcome expected)
    {
        server.AnswerForNumber(Citizen, Answers[answer]);

        var result = await Channel().SendAsync(Message("Leave now."), TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Outcome);
        Assert.Single(server.Requests);
        Assert.DoesNotContain(Citizen, result.Error ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTwilioServer.DefaultAuthToken, result.Error ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_500_on_create_says_the_message_may_already_exist()
    {
        server.AnswerNext(TwilioAnswers.InternalError);

        var result = await Channel().SendAsync(Message("Leave now."), TestContext.Current.CancellationToken);

        Assert.Contains(TwilioErrors.MayExistNote, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_auth_token_is_misconfigured()
    {
        var options = Options();
        options.AuthToken = "wrong_token_value";

        var result = await Channel(options).SendAsync(Message("Leave now."), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Misconfigured, result.Outcome);
        Assert.False(Assert.Single(server.Requests).Authenticated);
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_in_time_is_a_retry_that_may_have_been_created()
    {
        var neverReleased = new TaskCompletionSource();
        server.AnswerNext(TwilioAnswers.Ok.After(neverReleased.Task));
        var client = TwilioRest.CreateClient(Options(), timeout: TimeSpan.FromMilliseconds(200));

        var result = await new TwilioChannel(client, Options()).SendAsync(Message("Leave now."), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Contains(TwilioErrors.MayExistNote, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_answer_is_waited_for()
    {
        var release = new TaskCompletionSource();
        server.AnswerNext(TwilioAnswers.Ok.After(release.Task));

        var sending = Channel().SendAsync(Message("Leave now."), TestContext.Current.CancellationToken);
        await server.WhenRequests(1, TestContext.Current.CancellationToken);
        Assert.False(sending.IsCompleted);
        release.SetResult();

        Assert.Equal(SendOutcome.Sent, (await sending).Outcome);
    }

    [Fact]
    public async Task A_refused_connection_is_a_retry()
    {
        var closed = await FakeTwilioServer.StartAsync();
        var options = Options();
        options.ApiBaseUrl = closed.BaseUrl;
        await closed.DisposeAsync();

        var result = await Channel(options).SendAsync(Message("Leave now."), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.DoesNotContain(TwilioErrors.MayExistNote, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_send_throws_rather_than_reporting_an_outcome()
    {
        var neverReleased = new TaskCompletionSource();
        server.AnswerNext(TwilioAnswers.Ok.After(neverReleased.Task));
        using var cancel = new CancellationTokenSource();

        var sending = Channel().SendAsync(Message("Leave now."), cancel.Token);
        await server.WhenRequests(1, TestContext.Current.CancellationToken);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }

    private TwilioOptions Options() => new()
    {
        AccountSid = server.AccountSid,
        AuthToken = server.AuthToken,
        FromNumber = Sender,
        ApiBaseUrl = server.BaseUrl,
        PublicBaseUrl = "https://evac.example.org/",
    };

    private TwilioChannel Channel(TwilioOptions? options = null)
    {
        options ??= Options();
        return new TwilioChannel(TwilioRest.CreateClient(options), options);
    }

    private static OutboundMessage Message(string text) => new(Guid.NewGuid(), Guid.NewGuid(), ChannelKind.Sms, Citizen, text);
}
