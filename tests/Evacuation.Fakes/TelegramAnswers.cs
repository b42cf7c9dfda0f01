namespace Evacuation.Fakes;

/// <summary>Bot API answers as Telegram writes them (https://core.telegram.org/bots/api#making-requests).</summary>
public static class TelegramAnswers
{
    public static FakeAnswer Ok => FakeAnswer.Success;

    public static FakeAnswer TooManyRequests(int retryAfterSeconds) =>
        Error(429, $"Too Many Requests: retry after {retryAfterSeconds}", $$""","parameters":{"retry_after":{{retryAfterSeconds}}}""");

    public static FakeAnswer Blocked => Error(403, "Forbidden: bot was blocked by the user");

    public static FakeAnswer UserDeactivated => Error(403, "Forbidden: user is deactivated");

    public static FakeAnswer CantInitiate => Error(403, "Forbidden: bot can't initiate conversation with a user");

    public static FakeAnswer ChatNotFound => Error(400, "Bad Request: chat not found");

    public static FakeAnswer BadRequest(string description) => Error(400, "Bad Request: " + description);

    public static FakeAnswer Unauthorized => Error(401, "Unauthorized");

    public static FakeAnswer NotFound => Error(404, "Not Found");

    /// <summary>
    /// A paid broadcast the bot cannot pay for. The Bot API documents the fee, not this error's wording; this is a
    /// 400 that speaks of the Star balance, which is what the service looks for.
    /// </summary>
    public static FakeAnswer NotEnoughStars => Error(400, "Bad Request: not enough Telegram Stars on the bot's balance for paid broadcasts");

    public static FakeAnswer InternalServerError => Error(500, "Internal Server Error");

    /// <summary>What a proxy in front of the Bot API answers when it is down: HTML, not JSON.</summary>
    public static FakeAnswer HtmlBadGateway => FakeAnswer.Html(502, "Bad Gateway");

    private static FakeAnswer Error(int code, string description, string extra = "") =>
        new(code, $$"""{"ok":false,"error_code":{{code}},"description":"{{description}}"{{extra}}}""");
}
