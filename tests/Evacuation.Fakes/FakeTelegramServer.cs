using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Evacuation.Fakes;

/// <summary>
/// A fake Telegram Bot API on a real Kestrel port, enough for Telegram.Bot to talk to it: sendMessage, getMe,
/// getUpdates (long polling over queued updates), setWebhook, deleteWebhook, answerCallbackQuery.
/// Point <c>Telegram:ApiBaseUrl</c> at <see cref="BaseUrl"/> and use <see cref="Token"/>; any other token gets
/// Telegram's 404 "Not Found". Every request is recorded; <see cref="Answers"/> scripts errors and slow answers
/// for sendMessage (by chat id), <see cref="AnswersFor"/> for any other method (getUpdates, answerCallbackQuery).
/// </summary>
public sealed class FakeTelegramServer : IAsyncDisposable
{
    public const string DefaultToken = "123456789:AAFakeToken_for-tests";
    public const long BotId = 123456789;

    private readonly Lock gate = new();
    private readonly List<JsonObject> updates = [];
    private TaskCompletionSource updatesChanged = NewSignal();
    private readonly CancellationTokenSource stopping = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AnswerScript> byMethod = new(StringComparer.OrdinalIgnoreCase);
    private WebApplication? app;
    private long nextUpdateId = 1000;
    private long nextMessageId = 1;

    private FakeTelegramServer(string token) => Token = token;

    public string Token { get; }

    public string BaseUrl { get; private set; } = "";

    public AnswerScript Answers { get; } = new();

    public RequestLog<TelegramRequest> Log { get; } = new();

    public IReadOnlyList<TelegramRequest> Requests => Log.Snapshot();

    /// <summary>The sendMessage calls, in order.</summary>
    public IReadOnlyList<TelegramRequest> SentMessages => [.. Requests.Where(r => r.Method.Equals("sendMessage", StringComparison.OrdinalIgnoreCase))];

    /// <summary>The calls of one Bot API method (e.g. "getUpdates", "answerCallbackQuery"), in order.</summary>
    public IReadOnlyList<TelegramRequest> RequestsOf(string method) =>
        [.. Requests.Where(r => r.Method.Equals(method, StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// Scripted answers for one method; "sendMessage" is <see cref="Answers"/>. Other methods answer success unless
    /// scripted here (e.g. a 502 or a 429 for getUpdates).
    /// </summary>
    public AnswerScript AnswersFor(string method) =>
        method.Equals("sendMessage", StringComparison.OrdinalIgnoreCase) ? Answers : byMethod.GetOrAdd(method, _ => new AnswerScript());

    /// <summary>What the last setWebhook registered.</summary>
    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    public static async Task<FakeTelegramServer> StartAsync(string token = DefaultToken, int port = 0) =>
        await StartAsync(token, port, doors: 0);

    /// <summary>
    /// The fake, also listening on <paramref name="doors"/> more ports (<see cref="DoorUrls"/>): give each of several
    /// processes its own, and <see cref="TelegramRequest.Port"/> tells which one sent each request.
    /// </summary>
    public static async Task<FakeTelegramServer> StartAsync(string token, int port, int doors)
    {
        var server = new FakeTelegramServer(token);
        var (app, urls) = await FakeKestrel.StartAsync(a => a.MapMethods("/bot{token}/{method}", ["GET", "POST"], server.HandleAsync), port, doors);
        (server.app, server.BaseUrl, server.DoorUrls) = (app, urls[0], [.. urls.Skip(1)]);
        return server;
    }

    /// <summary>The extra base URLs asked for at start, one per door.</summary>
    public IReadOnlyList<string> DoorUrls { get; private set; } = [];

    /// <summary>
    /// While true, every method answers 401 Unauthorized, as Telegram does for a revoked token; set it back to false to
    /// accept the token again.
    /// </summary>
    public bool RefuseToken { get; set; }

    long starBalance;

    /// <summary>
    /// The bot's Stars, as getMyStarBalance answers them. A paid sendMessage (allow_paid_broadcast) is refused with
    /// <see cref="TelegramAnswers.NotEnoughStars"/> while it is 0 or less; the fake does not charge.
    /// </summary>
    public long StarBalance
    {
        get => Interlocked.Read(ref starBalance);
        set => Interlocked.Exchange(ref starBalance, value);
    }

    /// <summary>Script the next sendMessage answers (shortcut for <c>Answers.Next</c>).</summary>
    public void AnswerNext(params FakeAnswer[] answers) => Answers.Next(answers);

    public void AnswerForChat(long chatId, FakeAnswer answer) => Answers.ForAddress(chatId.ToString(CultureInfo.InvariantCulture), answer);

    public Task WhenRequests(int count, CancellationToken cancellationToken = default) => Log.WhenCount(count, cancellationToken);

    /// <summary>Queue a text message from a citizen for getUpdates; returns its update_id.</summary>
    public long EnqueueTextMessage(long chatId, string text, string firstName = "Citizen") =>
        EnqueueUpdate(id => new JsonObject { ["update_id"] = id, ["message"] = MessageFrom(chatId, firstName, m => m["text"] = text) });

    /// <summary>Queue a shared location from a citizen; returns its update_id.</summary>
    public long EnqueueLocation(long chatId, double latitude, double longitude) =>
        EnqueueUpdate(id => new JsonObject
        {
            ["update_id"] = id,
            ["message"] = MessageFrom(chatId, "Citizen", m => m["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude }),
        });

    /// <summary>Queue an inline button press (callback query) for getUpdates; returns its update_id.</summary>
    public long EnqueueButtonPress(long chatId, string callbackData) =>
        EnqueueUpdate(id => new JsonObject
        {
            ["update_id"] = id,
            ["callback_query"] = new JsonObject
            {
                ["id"] = "cb" + id.ToString(CultureInfo.InvariantCulture),
                ["from"] = User(chatId, "Citizen"),
                ["chat_instance"] = "ci" + chatId.ToString(CultureInfo.InvariantCulture),
                ["data"] = callbackData,
                ["message"] = new JsonObject
                {
                    ["message_id"] = 1,
                    ["date"] = UnixNow(),
                    ["chat"] = Chat(chatId, "Citizen"),
                    ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Evacuation" },
                    ["text"] = "advisory",
                },
            },
        });

    /// <summary>Queue any update; <paramref name="build"/> gets the update_id to use.</summary>
    public long EnqueueUpdate(Func<long, JsonObject> build)
    {
        lock (gate)
        {
            var id = ++nextUpdateId;
            updates.Add(build(id));
            updatesChanged.TrySetResult();
            updatesChanged = NewSignal();
            return id;
        }
    }

    /// <summary>Build the JSON of a text-message update without queuing it (for webhook posts).</summary>
    public JsonObject TextMessageUpdate(long chatId, string text)
    {
        var id = Interlocked.Increment(ref nextUpdateId);
        return new JsonObject { ["update_id"] = id, ["message"] = MessageFrom(chatId, "Citizen", m => m["text"] = text) };
    }

    /// <summary>Post an update to a webhook the way Telegram does, with the secret header when given.</summary>
    public static async Task<HttpResponseMessage> PostToWebhookAsync(string url, JsonObject update, string? secret)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await client.SendAsync(request);
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

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var parameters = await ReadParametersAsync(context.Request);
        var request = new TelegramRequest(token, method, parameters, context.Connection.LocalPort);
        Log.Add(request);

        if (token != Token)
        {
            await WriteAsync(context, TelegramAnswers.NotFound);
            return;
        }

        if (RefuseToken)
        {
            await WriteAsync(context, TelegramAnswers.Unauthorized);
            return;
        }

        var isSend = method.Equals("sendMessage", StringComparison.OrdinalIgnoreCase);
        var answer = isSend ? Answers.Pick(request.ChatId) : byMethod.TryGetValue(method, out var script) ? script.Pick(null) : FakeAnswer.Success;
        if (isSend && request.PaidBroadcast && Interlocked.Read(ref starBalance) <= 0)
        {
            answer = TelegramAnswers.NotEnoughStars;
        }
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

        JsonNode? result = method.ToUpperInvariant() switch
        {
            "SENDMESSAGE" => SentMessage(request),
            "GETMYSTARBALANCE" => new JsonObject { ["amount"] = Interlocked.Read(ref starBalance) },
            "GETME" => new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Evacuation", ["username"] = "evacuation_test_bot" },
            "GETUPDATES" => await UpdatesAsync(parameters, context.RequestAborted),
            "SETWEBHOOK" => SetWebhook(parameters),
            "DELETEWEBHOOK" => ClearWebhook(),
            _ => JsonValue.Create(true),
        };
        await WriteAsync(context, new FakeAnswer(200, new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString()));
    }

    private JsonObject SentMessage(TelegramRequest request)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref nextMessageId),
            ["date"] = UnixNow(),
            ["chat"] = new JsonObject { ["id"] = long.Parse(request.ChatId ?? "0", CultureInfo.InvariantCulture), ["type"] = "private" },
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Evacuation" },
            ["text"] = request.Text,
        };
        if (request.Parameters["reply_markup"] is JsonObject markup)
        {
            message["reply_markup"] = markup.DeepClone();
        }

        return message;
    }

    private async Task<JsonArray> UpdatesAsync(JsonObject parameters, CancellationToken aborted)
    {
        var offset = (long)Number(parameters["offset"]);
        var timeout = Math.Min(Number(parameters["timeout"]), 60);
        Task changed;
        lock (gate)
        {
            updates.RemoveAll(u => offset > 0 && u["update_id"]!.GetValue<long>() < offset);
            if (updates.Count > 0 || timeout <= 0)
            {
                return [.. updates.Select(u => u.DeepClone())];
            }

            changed = updatesChanged.Task;
        }

        // Long polling: hold the request until an update is queued, the poll's own timeout passes, or the client leaves.
        try
        {
            await changed.WaitAsync(TimeSpan.FromSeconds(timeout), aborted);
        }
        catch (TimeoutException)
        {
        }

        lock (gate)
        {
            return [.. updates.Select(u => u.DeepClone())];
        }
    }

    private JsonValue SetWebhook(JsonObject parameters)
    {
        WebhookUrl = parameters["url"]?.ToString();
        WebhookSecret = parameters["secret_token"]?.ToString();
        return JsonValue.Create(true);
    }

    private JsonValue ClearWebhook()
    {
        WebhookUrl = null;
        WebhookSecret = null;
        return JsonValue.Create(true);
    }

    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var fromForm = new JsonObject();
            foreach (var (key, value) in form)
            {
                fromForm[key] = value.ToString();
            }

            return fromForm;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var fromJson = string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body) as JsonObject ?? [];
        foreach (var (key, value) in request.Query)
        {
            fromJson[key] = value.ToString();
        }

        return fromJson;
    }

    private static async Task WriteAsync(HttpContext context, FakeAnswer answer)
    {
        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        await context.Response.WriteAsync(answer.Body ?? "");
    }

    private static JsonObject MessageFrom(long chatId, string firstName, Action<JsonObject> fill)
    {
        var message = new JsonObject
        {
            ["message_id"] = Random.Shared.Next(1, int.MaxValue),
            ["date"] = UnixNow(),
            ["chat"] = Chat(chatId, firstName),
            ["from"] = User(chatId, firstName),
        };
        fill(message);
        return message;
    }

    private static double Number(JsonNode? node) =>
        double.TryParse(node?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static JsonObject Chat(long chatId, string firstName) => new() { ["id"] = chatId, ["type"] = "private", ["first_name"] = firstName };

    private static JsonObject User(long chatId, string firstName) => new() { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = firstName };

    private static long UnixNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
