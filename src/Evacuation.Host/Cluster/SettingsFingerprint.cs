using System.Globalization;
using Evacuation.Channels.Telegram;
using Evacuation.Channels.Twilio;
using Evacuation.Core.Cluster;
using Evacuation.Host.Reminders;
using Evacuation.Host.Routes;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Cluster;

/// <summary>
/// The settings all nodes must share, fingerprinted (<see cref="SharedSettings"/>) and written with each heartbeat: a
/// node started with another crossings file or other rates would send citizens elsewhere or break the bot-wide rate
/// after a takeover, so joining compares them with the live nodes' and says loudly which key differs.
/// </summary>
public sealed class SettingsFingerprint
{
    public SettingsFingerprint(
        IOptions<RoutesOptions> routes,
        IOptions<TelegramOptions> telegram,
        IOptions<TwilioOptions> twilio,
        IOptions<RemindersOptions> reminders,
        IOptions<ClusterOptions> cluster)
    {
        var inv = CultureInfo.InvariantCulture;
        Shared = SharedSettings.Of(new Dictionary<string, string>
        {
            ["Routes:File (its contents)"] = File.Exists(routes.Value.FullPath) ? File.ReadAllText(routes.Value.FullPath) : "",
            ["Telegram:MessagesPerSecond"] = telegram.Value.MessagesPerSecond.ToString(inv),
            ["Telegram:Updates"] = telegram.Value.Updates.ToString(),
            ["Twilio:SegmentsPerSecond"] = twilio.Value.SegmentsPerSecond.ToString(inv),
            ["Reminders:Cron"] = reminders.Value.Cron,
            ["Reminders:MinimumInterval"] = reminders.Value.MinimumInterval.ToString("c", inv),
            ["Reminders:MaxReminders"] = reminders.Value.MaxReminders.ToString(inv),
            ["Cluster:RoleLease"] = cluster.Value.RoleLease.ToString("c", inv),
        });
        Json = Shared.ToJson();
    }

    public SharedSettings Shared { get; }

    public string Json { get; }
}
