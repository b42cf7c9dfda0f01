using Evacuation.Channels.Sandbox;
using Evacuation.Channels.Telegram;
using Evacuation.Core.Channels;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Telegram;

public static class TelegramSetup
{
    /// <summary>The Bot API client's HttpClient: named so it is pooled, and without request logging because the token is in every URL.</summary>
    public const string HttpClientName = "telegram";

    /// <summary>
    /// <c>Telegram:*</c>, validated at start; the Telegram channel, live or a sandbox when <c>Telegram:BotToken</c> is
    /// empty; button-press answers; and the update loop (long polling, or registering the webhook).
    /// </summary>
    public static WebApplicationBuilder AddTelegram(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        // Longer than Telegram's long-poll timeout (25 s) would need; a send normally answers in well under a second.
        builder.Services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(60)).RemoveAllLoggers();
        builder.Services.AddKeyedSingleton<IChannel>(ChannelKind.Telegram, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            if (options.IsSandbox)
            {
                return new SandboxChannel(ChannelKind.Telegram, sp.GetRequiredService<ILogger<SandboxChannel>>());
            }
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new TelegramChannel(TelegramBot.CreateClient(options, http), sp.GetRequiredService<PaidBroadcasts>());
        });
        builder.Services.AddSingleton<PaidBroadcasts>();
        builder.Services.AddSingleton<ButtonPresses>();
        builder.Services.AddHostedService<TelegramPolling>();
        return builder;
    }
}
