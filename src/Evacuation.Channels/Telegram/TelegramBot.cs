using Telegram.Bot;

namespace Evacuation.Channels.Telegram;

/// <summary>Builds the Telegram.Bot client the way this service needs it.</summary>
public static class TelegramBot
{
    /// <summary>
    /// <c>RetryThreshold = 0</c>: the library must not sleep and retry on 429 by itself; our limiter decides and
    /// pauses the whole bot. The <paramref name="httpClient"/> must not log request URLs: the token is in every one.
    /// </summary>
    public static TelegramBotClient CreateClient(TelegramOptions options, HttpClient httpClient)
    {
        if (options.IsSandbox)
        {
            throw new InvalidOperationException("Telegram:BotToken is empty: the Telegram channel is a sandbox.");
        }

        var clientOptions = new TelegramBotClientOptions(options.BotToken!, options.ApiBaseUrl) { RetryThreshold = 0 };
        return new TelegramBotClient(clientOptions, httpClient);
    }
}
