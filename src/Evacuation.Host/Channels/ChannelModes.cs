using Evacuation.Channels.Telegram;
using Evacuation.Channels.Twilio;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Channels;

/// <summary>
/// Says in the start-up log, one line per channel, whether it is live or a sandbox, and who the messages say they are from. A channel is a sandbox when its
/// credentials are empty (README, "Configuration"): its messages are stored and shown but sent to no one.
/// </summary>
public static class ChannelModes
{
    public static void LogChannelModes(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Evacuation.Channels");
        foreach (var kind in ChannelKinds.Outbound)
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
