using Evacuation.Channels.Sandbox;
using Evacuation.Core.Channels;

namespace Evacuation.Host.Channels;

/// <summary>
/// Chooses, per channel, the live provider or the sandbox, and says which in the start-up log.
/// A channel is a sandbox when its credentials are empty (CONTRACT.md section 6).
/// </summary>
public static class ChannelSetup
{
    public static WebApplicationBuilder AddChannels(this WebApplicationBuilder builder)
    {
        builder.Services.AddKeyedSingleton<IChannel>(ChannelKind.Telegram,
            (sp, _) => new SandboxChannel(ChannelKind.Telegram, sp.GetRequiredService<ILogger<SandboxChannel>>()));
        builder.Services.AddKeyedSingleton<IChannel>(ChannelKind.Sms,
            (sp, _) => new SandboxChannel(ChannelKind.Sms, sp.GetRequiredService<ILogger<SandboxChannel>>()));
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
                logger.LogInformation("{Channel} channel: LIVE, messages go to real citizens", kind);
            }
            else
            {
                var missing = kind == ChannelKind.Telegram ? "Telegram:BotToken" : "Twilio:AccountSid and Twilio:AuthToken";
                logger.LogWarning("{Channel} channel: SANDBOX, messages are stored and shown but sent to no one (set {Missing} to go live)", kind, missing);
            }
        }
    }
}
