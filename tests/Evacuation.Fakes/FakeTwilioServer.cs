using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Evacuation.Fakes;

/// <summary>
/// A fake Twilio REST API on a real Kestrel port, enough for the Twilio library to create messages:
/// <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c> with HTTP Basic auth (sid:token). Wrong credentials get
/// Twilio's 401/20003. Every create is recorded; <see cref="Answers"/> scripts errors and slow answers per To
/// number. It can also play Twilio's part towards us: signed status callbacks and inbound SMS webhooks.
/// </summary>
public sealed class FakeTwilioServer : IAsyncDisposable
{
    public const string DefaultAccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string DefaultAuthToken = "fake_auth_token_0123456789abcdef";

    private readonly CancellationTokenSource stopping = new();
    private WebApplication? app;
    private int nextSid;

    private FakeTwilioServer(string accountSid, string authToken)
    {
        AccountSid = accountSid;
        AuthToken = authToken;
    }

    public string AccountSid { get; }

    public string AuthToken { get; }

    public string BaseUrl { get; private set; } = "";

    public AnswerScript Answers { get; } = new();

    public RequestLog<TwilioRequest> Log { get; } = new();

    public IReadOnlyList<TwilioRequest> Requests => Log.Snapshot();

    public static async Task<FakeTwilioServer> StartAsync(string accountSid = DefaultAccountSid, string authToken = DefaultAuthToken)
    {
        var server = new FakeTwilioServer(accountSid, authToken);
        (server.app, server.BaseUrl) = await FakeKestrel.StartAsync(a =>
        {
            a.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", server.CreateMessageAsync);
            a.MapGet("/2010-04-01/Accounts/{sid}.json", server.FetchAccountAsync);
        });
        return server;
    }

    public void AnswerNext(params FakeAnswer[] answers) => Answers.Next(answers);

    /// <summary>
    /// While true, every request is refused as Twilio refuses wrong credentials (401, code 20003), as after the auth
    /// token was rotated; set it back to false to accept them again.
    /// </summary>
    public bool RefuseCredentials { get; set; }

    /// <summary>How many account fetches (the service's credential probe) were made.</summary>
    public int AccountFetches => accountFetches;

    private int accountFetches;

    public void AnswerForNumber(string to, FakeAnswer answer) => Answers.ForAddress(to, answer);

    public Task WhenRequests(int count, CancellationToken cancellationToken = default) => Log.WhenCount(count, cancellationToken);

    /// <summary>
    /// Posts a status callback as Twilio does: form fields MessageSid, MessageStatus, ErrorCode..., signed with the
    /// auth token over <paramref name="signedUrl"/> (defaults to <paramref name="url"/>; give the public URL when the
    /// service checks signatures against <c>Twilio:PublicBaseUrl</c> but is reached at a test address).
    /// </summary>
    public Task<HttpResponseMessage> PostStatusCallbackAsync(
        string url, string messageSid, string status, string? errorCode = null, string to = "+380501234567", string? signedUrl = null)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", AccountSid),
            new("ApiVersion", "2010-04-01"),
            new("From", "+15005550006"),
            new("MessageSid", messageSid),
            new("MessageStatus", status),
            new("SmsSid", messageSid),
            new("SmsStatus", status),
            new("To", to),
        };
        if (errorCode is not null)
        {
            form.Add(new("ErrorCode", errorCode));
        }

        return PostSignedAsync(url, form, signedUrl);
    }

    /// <summary>Posts an inbound SMS webhook as Twilio does, signed. Returns the answer; the MessageSid used is in the form.</summary>
    public Task<HttpResponseMessage> PostInboundSmsAsync(
        string url, string from, string body, string to = "+15005550006", string? messageSid = null, string? signedUrl = null)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", AccountSid),
            new("ApiVersion", "2010-04-01"),
            new("Body", body),
            new("From", from),
            new("MessageSid", messageSid ?? NewSid("SM")),
            new("NumMedia", "0"),
            new("NumSegments", "1"),
            new("SmsMessageSid", messageSid ?? NewSid("SM")),
            new("SmsStatus", "received"),
            new("To", to),
        };
        return PostSignedAsync(url, form, signedUrl);
    }

    /// <summary>Posts any form, signed over <paramref name="signedUrl"/> (or <paramref name="url"/>); <paramref name="sign"/> false sends no signature header.</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(string url, IReadOnlyList<KeyValuePair<string, string>> form, string? signedUrl = null, bool sign = true)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        if (sign)
        {
            request.Headers.Add("X-Twilio-Signature", Sign(AuthToken, signedUrl ?? url, form));
        }

        return await client.SendAsync(request);
    }

    /// <summary>
    /// The signature Twilio sends, written independently of the production code so each checks the other:
    /// url, then every name+value pair ordered by name and value, HMAC-SHA1 with the auth token, Base64.
    /// </summary>
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var text = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            text.Append(name).Append(value);
        }

#pragma warning disable CA5350 // Twilio's scheme is HMAC-SHA1.
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
#pragma warning restore CA5350
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public async ValueTask DisposeAsync()
    {
        // Release answers still held back by a gate so shutdown does not wait for them.
        await stopping.CancelAsync();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        stopping.Dispose();
    }

    private async Task FetchAccountAsync(HttpContext context, string sid)
    {
        Interlocked.Increment(ref accountFetches);
        var (user, password) = BasicAuth(context.Request);
        if (user != AccountSid || password != AuthToken || sid != AccountSid || RefuseCredentials)
        {
            await WriteAsync(context, TwilioAnswers.AuthenticationFailed);
            return;
        }
        var account = new JsonObject { ["sid"] = sid, ["friendly_name"] = "Evacuation test account", ["status"] = "active", ["type"] = "Full" };
        await WriteAsync(context, new FakeAnswer(200, account.ToJsonString()));
    }

    private async Task CreateMessageAsync(HttpContext context, string sid)
    {
        var form = await ReadRawFormAsync(context.Request);
        var (user, password) = BasicAuth(context.Request);
        var authenticated = user == AccountSid && password == AuthToken && sid == AccountSid && !RefuseCredentials;
        var request = new TwilioRequest(sid, user, authenticated, form);
        Log.Add(request);

        var answer = authenticated ? Answers.Pick(request.To) : TwilioAnswers.AuthenticationFailed;
        if (answer.Gate is not null)
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
            await answer.Gate.WaitAsync(either.Token);
        }

        if (!answer.IsSuccess)
        {
            await WriteAsync(context, answer);
            return;
        }

        await WriteAsync(context, new FakeAnswer(201, CreatedMessage(sid, request).ToJsonString()));
    }

    private JsonObject CreatedMessage(string accountSid, TwilioRequest request)
    {
        var messageSid = NewSid("SM");
        var now = DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture);
        var uri = $"/2010-04-01/Accounts/{accountSid}/Messages/{messageSid}.json";
        return new JsonObject
        {
            ["account_sid"] = accountSid,
            ["api_version"] = "2010-04-01",
            ["body"] = request.Body,
            ["date_created"] = now,
            ["date_sent"] = null,
            ["date_updated"] = now,
            ["direction"] = "outbound-api",
            ["error_code"] = null,
            ["error_message"] = null,
            ["from"] = request.From,
            ["messaging_service_sid"] = request.MessagingServiceSid,
            ["num_media"] = "0",
            ["num_segments"] = request.Segments.ToString(CultureInfo.InvariantCulture),
            ["price"] = null,
            ["price_unit"] = "USD",
            ["sid"] = messageSid,
            ["status"] = request.MessagingServiceSid is null ? "queued" : "accepted",
            ["subresource_uris"] = new JsonObject { ["media"] = uri.Replace(".json", "/Media.json", StringComparison.Ordinal) },
            ["to"] = request.To,
            ["uri"] = uri,
        };
    }

    private string NewSid(string prefix) =>
        prefix + Interlocked.Increment(ref nextSid).ToString("x32", CultureInfo.InvariantCulture);

    // The raw pairs in order, repeated names kept: the form collection would merge names case-insensitively.
    private static async Task<IReadOnlyList<KeyValuePair<string, string>>> ReadRawFormAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        return [.. body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            return new KeyValuePair<string, string>(Decode(name), Decode(value));
        })];

        static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
    }

    private static (string? User, string? Password) BasicAuth(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (decoded, null) : (decoded[..colon], decoded[(colon + 1)..]);
    }

    private static async Task WriteAsync(HttpContext context, FakeAnswer answer)
    {
        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        await context.Response.WriteAsync(answer.Body ?? "");
    }
}
