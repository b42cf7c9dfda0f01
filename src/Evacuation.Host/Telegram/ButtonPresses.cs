using Evacuation.Channels.Telegram;
using Evacuation.Core.Replies;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Evacuation.Host.Telegram;

/// <summary>
/// Stops the spinner on a pressed inline button: Telegram shows it until the bot calls answerCallbackQuery
/// (https://core.telegram.org/bots/api#answercallbackquery). Called once per newly stored press, in polling and
/// webhook mode alike, after the press is stored: a failed answer costs the citizen a spinner, never the reply.
/// </summary>
public sealed class ButtonPresses(IOptions<TelegramOptions> options, IHttpClientFactory http, TimeProvider time, ILogger<ButtonPresses> logger)
{
    /// <summary>A slow Bot API must not hold the poll or the webhook answer for long; the press itself is already stored.</summary>
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    readonly Lazy<TelegramBotClient?> bot = new(() =>
        options.Value.IsSandbox ? null : TelegramBot.CreateClient(options.Value, http.CreateClient(TelegramSetup.HttpClientName)));

    /// <summary>Answers <paramref name="message"/> when it is a button press; call only when the inbox stored it now (not a replay).</summary>
    public async Task AnswerAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != InboundKind.Button || string.IsNullOrEmpty(message.CallbackQueryId) || bot.Value is not { } client)
        {
            return;
        }
        using var patience = new CancellationTokenSource(Patience, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, patience.Token);
        try
        {
            await client.AnswerCallbackQuery(message.CallbackQueryId, cancellationToken: either.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ApiRequestException e)
        {
            // "query is too old" and the like: the citizen's answer is stored and acted on all the same.
            logger.LogWarning("Telegram answerCallbackQuery for update {UpdateId} failed: {Code} {Description}", message.UpdateId, e.ErrorCode, e.Message);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or OperationCanceledException or IOException)
        {
            // The type only: exception texts of HTTP failures may carry the URL, and the URL carries the token.
            logger.LogWarning("Telegram answerCallbackQuery for update {UpdateId} failed ({Error})", message.UpdateId, e.GetType().Name);
        }
    }
}
