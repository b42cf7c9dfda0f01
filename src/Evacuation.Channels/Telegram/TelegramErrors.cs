using Evacuation.Core.Channels;

namespace Evacuation.Channels.Telegram;

/// <summary>
/// Bot API error answers mapped to outcomes (docs/architecture.md, "Provider facts that shape the code"). The first matching row wins.
/// Error codes and descriptions: https://core.telegram.org/bots/api#making-requests and
/// https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this
/// </summary>
public static class TelegramErrors
{
    private sealed record Row(int Code, string? DescriptionContains, SendOutcome Outcome);

    private static readonly Row[] Table =
    [
        new(429, null, SendOutcome.Retry),                                    // flood limit; retry_after applies to the whole bot
        new(403, "bot was blocked by the user", SendOutcome.Unreachable),
        new(403, "user is deactivated", SendOutcome.Unreachable),
        new(403, "bot can't initiate conversation", SendOutcome.Unreachable),
        new(403, null, SendOutcome.Unreachable),                              // kicked from / not a member of the chat
        new(400, "chat not found", SendOutcome.Permanent),
        new(400, null, SendOutcome.Permanent),                                // the request itself is wrong; sending it again changes nothing
        new(401, null, SendOutcome.Misconfigured),                            // token revoked or wrong
        new(404, null, SendOutcome.Misconfigured),                            // "Not Found": the token names no bot
    ];

    /// <summary>Maps one error answer. <paramref name="retryAfterSeconds"/> is <c>parameters.retry_after</c>.</summary>
    public static SendResult Map(int code, string? description, int? retryAfterSeconds = null)
    {
        var error = $"Telegram {code}: {description}";
        var row = Table.FirstOrDefault(r =>
            r.Code == code && (r.DescriptionContains is null || (description ?? "").Contains(r.DescriptionContains, StringComparison.OrdinalIgnoreCase)));

        // Anything not in the table (5xx, 409, 420 ...) is worth another try later: the dispatcher caps attempts.
        var outcome = row?.Outcome ?? SendOutcome.Retry;
        return outcome switch
        {
            SendOutcome.Retry => SendResult.Retry(error, retryAfterSeconds is > 0 ? TimeSpan.FromSeconds(retryAfterSeconds.Value) : null),
            SendOutcome.Unreachable => SendResult.Unreachable(error),
            SendOutcome.Misconfigured => SendResult.Misconfigured(error),
            _ => SendResult.Permanent(error),
        };
    }
}
