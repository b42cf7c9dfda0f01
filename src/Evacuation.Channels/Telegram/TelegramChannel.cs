using System.Globalization;
using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace Evacuation.Channels.Telegram;

/// <summary>
/// Sends messages with the Bot API's sendMessage to the chat id in <see cref="OutboundMessage.Address"/>.
/// </summary>
/// <remarks>
/// A text longer than 4096 characters goes out as several messages (the reply buttons on the last); this is the one
/// case where a send makes more than one request. If a later part fails, the result is that part's failure and the
/// earlier parts have been delivered: Telegram has no idempotency key, so a retry repeats them.
/// </remarks>
public sealed class TelegramChannel(ITelegramBotClient bot, PaidBroadcasts? paid = null) : IChannel, ICredentialProbe
{
    public ChannelKind Kind => ChannelKind.Telegram;

    public bool IsLive => true;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Chat ids are integers, negative for groups; a leading '+' means someone put a phone number here.
        if (message.Address.StartsWith('+') || !long.TryParse(message.Address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            return SendResult.Permanent("Telegram chat id is not a number");
        }

        var parts = TelegramText.Split(message.Text);
        string? lastId = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var isLast = i == parts.Count - 1;
            var markup = !isLast ? null : message.WithReplyButtons ? ReplyButtons.Keyboard(Keyboards.Read(message.Keyboard).Language) : AskingKeyboards.For(message.Keyboard);
            var result = await SendPartAsync(chatId, parts[i], markup, cancellationToken);
            if (result.Outcome != SendOutcome.Sent)
            {
                return parts.Count == 1 ? result : result with { Error = $"part {i + 1} of {parts.Count}: {result.Error}" };
            }

            lastId = result.ProviderMessageId;
        }

        return SendResult.Sent(lastId!);
    }

    /// <summary>getMe: the cheapest call that proves the token names a bot (https://core.telegram.org/bots/api#getme).</summary>
    public async Task<SendResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var me = await bot.GetMe(cancellationToken);
            return SendResult.Sent(me.Id.ToString(CultureInfo.InvariantCulture));
        }
        catch (ApiRequestException ex)
        {
            return TelegramErrors.Map(ex.ErrorCode, ex.Message, ex.Parameters?.RetryAfter);
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException or OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return SendResult.Retry(Describe(ex));
        }
    }

    private async Task<SendResult> SendPartAsync(long chatId, string text, ReplyMarkup? markup, CancellationToken cancellationToken)
    {
        var paying = paid?.On == true;
        try
        {
            var sent = await bot.SendMessage(
                chatId,
                text,
                replyMarkup: markup,
                allowPaidBroadcast: paying,
                cancellationToken: cancellationToken);
            return SendResult.Sent(sent.MessageId.ToString(CultureInfo.InvariantCulture));
        }
        catch (ApiRequestException ex) when (paying && PaidBroadcasts.IsBalanceError(ex.ErrorCode, ex.Message))
        {
            paid!.Stop($"Telegram refused it: {ex.Message}");
            return SendResult.Retry($"paid broadcast refused ({ex.Message}); sent again unpaid");
        }
        catch (ApiRequestException ex)
        {
            return TelegramErrors.Map(ex.ErrorCode, ex.Message, ex.Parameters?.RetryAfter);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException or OperationCanceledException or IOException)
        {
            // Timeouts, refused connections and answers that are not Bot API JSON (an HTML 502 from a proxy).
            // The exception text is not passed on: it may carry the request URL, and the URL carries the token.
            return SendResult.Retry(Describe(ex));
        }
    }

    /// <summary>The bot's Star balance (https://core.telegram.org/bots/api#getmystarbalance), or null when Telegram does not say.</summary>
    public async Task<long?> StarBalanceAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await bot.GetMyStarBalance(cancellationToken)).Amount;
        }
        catch (Exception ex) when (ex is ApiRequestException or RequestException or HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        RequestException { HttpStatusCode: { } status } => $"Telegram answered HTTP {(int)status} without a Bot API body",
        OperationCanceledException => "Telegram request timed out",
        _ when ex.InnerException is OperationCanceledException or TimeoutException => "Telegram request timed out",
        _ => $"Telegram connection failed ({ex.GetType().Name})",
    };
}
