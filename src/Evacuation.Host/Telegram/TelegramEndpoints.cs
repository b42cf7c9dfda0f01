using Evacuation.Channels.Telegram;
using Evacuation.Host.Api;
using Evacuation.Host.Limits;
using Evacuation.Host.Replies;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Telegram;

/// <summary>
/// <c>POST /webhooks/telegram</c> in webhook mode: the secret header compared in constant time (403 otherwise),
/// the update stored once per update_id, a new button press answered, then 200 (https://core.telegram.org/bots/api#setwebhook).
/// </summary>
public static class TelegramEndpoints
{
    public const string WebhookPath = "/webhooks/telegram";

    /// <summary>Updates are small; a megabyte is far more than any text, contact or location needs.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapTelegram(this IEndpointRouteBuilder app)
    {
        app.MapPost(WebhookPath, WebhookAsync).AllowAnonymous().RequireRateLimiting(RateLimits.PerAddress).WithTags("Webhooks");
        return app;
    }

    static async Task<IResult> WebhookAsync(HttpContext context, IOptions<TelegramOptions> telegram, ReplyInbox inbox, ButtonPresses presses)
    {
        var options = telegram.Value;
        if (options.IsSandbox || options.Updates != TelegramUpdates.Webhook ||
            !TelegramSecret.Matches(options.WebhookSecret, context.Request.Headers[TelegramSecret.Header].FirstOrDefault()))
        {
            return TypedResults.Problem("The secret token header is missing or does not match.", statusCode: StatusCodes.Status403Forbidden, title: "Not from Telegram");
        }
        if (await LimitedBody.ReadTextAsync(context.Request, MaxBytes, context.RequestAborted) is not { } body)
        {
            return LimitedBody.TooLarge(MaxBytes);
        }
        if (TelegramInbound.Parse(body) is not { } message)
        {
            return Problem.BadRequest("The body is not a Telegram update (JSON with update_id).");
        }
        if (await inbox.AcceptAsync(message, context.RequestAborted))
        {
            // A separate answerCallbackQuery rather than a method in this response: one path for both update modes.
            await presses.AnswerAsync(message, context.RequestAborted);
        }
        return TypedResults.Ok();
    }
}
