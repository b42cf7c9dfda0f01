using Evacuation.Channels.Sandbox;
using Evacuation.Channels.Telegram;
using Evacuation.Channels.Twilio;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Channels;

/// <summary>
/// Chooses, per channel, the live provider or the sandbox, and says which in the start-up log.
/// A channel is a sandbox when its credentials are empty (CONTRACT.md section 6). Both sections are validated
/// at start, so a malformed token or sender stops start-up with one line naming the key.
/// </summary>
public static class ChannelSetup
{
    /// <summary>The Bot API client's HttpClient: named so it is pooled, and without request logging because the token is in every URL.</summary>
    public const string TelegramHttpClient = "telegram";

    public const string TwilioHttpClient = "twilio";

    public static WebApplicationBuilder AddChannels(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>();

        // Longer than Telegram's long-poll timeout (25 s) would need; a send normally answers in well under a second.
        builder.Services.AddHttpClient(TelegramHttpClient, c => c.Timeout = TimeSpan.FromSeconds(60)).RemoveAllLoggers();
        builder.Services.AddHttpClient(TwilioHttpClient).RemoveAllLoggers();

        builder.Services.AddKeyedSingleton<IChannel>(ChannelKind.Telegram, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            if (options.IsSandbox)
            {
                return new SandboxChannel(ChannelKind.Telegram, sp.GetRequiredService<ILogger<SandboxChannel>>());
            }
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(TelegramHttpClient);
            return new TelegramChannel(TelegramBot.CreateClient(options, http));
        });
        builder.Services.AddKeyedSingleton<IChannel>(ChannelKind.Sms, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<TwilioOptions>>().Value;
            if (options.IsSandbox)
            {
                return new SandboxChannel(ChannelKind.Sms, sp.GetRequiredService<ILogger<SandboxChannel>>());
            }
            var handler = sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(TwilioHttpClient);
            return new TwilioChannel(TwilioRest.CreateClient(options, handler), options);
        });
        return builder;
    }

    /// <summary>One line per channel: live or sandbox, and why.</summary>
    public static void LogChannelModes(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Evacuation.Channels");
        foreach (var kind in Enum.GetValues<ChannelKind>())
        {
            var channel = app.Services.GetRequiredKeyedService<IChannel>(kind);
            if (channel.IsLive)
            {
                var where = kind == ChannelKind.Telegram
                    ? app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value.ApiBaseUrl
                    : app.Services.GetRequiredService<IOptions<TwilioOptions>>().Value.ApiBaseUrl;
                logger.LogInformation("{Channel} channel: LIVE at {ApiBaseUrl}, messages go to real citizens", kind, where);
            }
            else
            {
                var missing = kind == ChannelKind.Telegram ? "Telegram:BotToken" : "Twilio:AccountSid and Twilio:AuthToken";
                logger.LogWarning("{Channel} channel: SANDBOX, messages are stored and shown but sent to no one (set {Missing} to go live)", kind, missing);
            }
        }
        var signature = app.Services.GetRequiredService<Signature>();
        if (signature.SenderName.Length == 0)
        {
            logger.LogWarning("Messages:SenderName is not set: messages open with \"{Sender}\"; set it to the name citizens know, e.g. \"Embassy of Israel\"", signature.SenderIn("en"));
        }
        else
        {
            logger.LogInformation("Messages open with \"{Sender}\"{Hotline}", signature.SenderName, signature.Hotline.Length > 0 ? "; hotline " + signature.Hotline : "");
        }
    }
}
