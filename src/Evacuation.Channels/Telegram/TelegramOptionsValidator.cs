using System.Text.RegularExpressions;
using Evacuation.Core.Operators;
using Microsoft.Extensions.Options;

namespace Evacuation.Channels.Telegram;

/// <summary>
/// Checks the <c>Telegram</c> section at start-up. Each failure is one line naming the key; a token is never echoed.
/// </summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();

        if (!options.IsSandbox && !BotTokenShape().IsMatch(options.BotToken!))
        {
            failures.Add("Telegram:BotToken is not a bot token (expected digits:secret as given by @BotFather)");
        }

        if (!IsAbsoluteHttp(options.ApiBaseUrl))
        {
            failures.Add($"Telegram:ApiBaseUrl must be an absolute http(s) URL (got '{options.ApiBaseUrl}')");
        }

        if (options.MessagesPerSecond is < 1 or > 1000)
        {
            failures.Add($"Telegram:MessagesPerSecond must be between 1 and 1000 (got {options.MessagesPerSecond})");
        }

        if (options.PaidBroadcastStarsPerMessage is <= 0 or > 100)
        {
            failures.Add($"Telegram:PaidBroadcastStarsPerMessage must be more than 0 and at most 100 Stars (got {options.PaidBroadcastStarsPerMessage}); Telegram's fee is 0.1");
        }

        if (KeySecrets.IsPlaceholder(options.WebhookSecret))
        {
            failures.Add($"Telegram:WebhookSecret is the placeholder from appsettings.example.json; put a random string of {KeySecrets.MinimumLength}-256 characters of A-Z a-z 0-9 _ - there, or leave it empty in polling mode");
        }

        if (options.Updates == TelegramUpdates.Webhook)
        {
            // secret_token: 1-256 characters, only A-Z, a-z, 0-9, _ and - (https://core.telegram.org/bots/api#setwebhook).
            if (string.IsNullOrEmpty(options.WebhookSecret))
            {
                failures.Add("Telegram:WebhookSecret is required when Telegram:Updates is Webhook");
            }
            else if (KeySecrets.IsPlaceholder(options.WebhookSecret))
            {
                // Said below, in any mode.
            }
            else if (!WebhookSecretShape().IsMatch(options.WebhookSecret))
            {
                failures.Add("Telegram:WebhookSecret must be 1-256 characters of A-Z a-z 0-9 _ -");
            }
            else if (options.WebhookSecret.Length < KeySecrets.MinimumLength)
            {
                // Anyone who guesses it can post updates as if from Telegram: long enough that nobody can.
                failures.Add($"Telegram:WebhookSecret must be at least {KeySecrets.MinimumLength} characters");
            }

            if (string.IsNullOrWhiteSpace(options.WebhookUrl))
            {
                failures.Add("Telegram:WebhookUrl is required when Telegram:Updates is Webhook");
            }
            else if (!IsAbsoluteHttp(options.WebhookUrl))
            {
                failures.Add($"Telegram:WebhookUrl must be an absolute http(s) URL (got '{options.WebhookUrl}')");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAbsoluteHttp(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^[0-9]+:[A-Za-z0-9_-]+$")]
    private static partial Regex BotTokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex WebhookSecretShape();
}
