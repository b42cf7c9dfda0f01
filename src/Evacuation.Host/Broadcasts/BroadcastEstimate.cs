using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Data;
using Evacuation.Host.Routes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Broadcasts;

/// <summary>
/// What a broadcast will cost before it is sent: recipients per channel and language, and for SMS the encoding and
/// segments of the texts the recipients will actually get. Citizens who get the same text (same language, crossing,
/// region and shared location, and name when the template uses it) are counted together and their text rendered once,
/// as fan-out will render it, so the total is what Twilio will count.
/// </summary>
public sealed record BroadcastEstimate(
    int Recipients,
    IReadOnlyDictionary<string, int> ByChannel,
    IReadOnlyDictionary<string, int> ByLanguage,
    IReadOnlyList<SmsEstimate> Sms,
    long TotalSmsSegments)
{
    /// <summary>With <c>Telegram:PaidBroadcast</c>: what Telegram will charge in Stars (<see cref="PaidBroadcastCost"/>); left out otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public decimal? TelegramStars { get; init; }

    /// <summary>Per channel, the pacing-bound time to reach everyone (<see cref="BroadcastEta"/>).</summary>
    public IReadOnlyList<ChannelEta> Eta { get; init; } = [];

    /// <summary>One line per channel whose recipients would not all be reached before <c>expiresAt</c>.</summary>
    public IReadOnlyList<string> Warnings => [.. Eta.Select(e => e.Warning).OfType<string>()];

    public static async Task<BroadcastEstimate> CountAsync(
        EvacuationDb db, BroadcastPlan plan, CrossingPlanner planner, Signature signature, DateTime now, CancellationToken cancellationToken)
    {
        var texts = new BroadcastTexts(plan.Kind, plan.Texts);
        var recipients = 0;
        var byChannel = new Dictionary<string, int> { ["telegram"] = 0, ["sms"] = 0 };
        var byLanguage = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var smsTexts = new SortedDictionary<string, List<(string Text, int Recipients)>>(StringComparer.Ordinal);
        foreach (var group in await GroupsAsync(db, plan, UsesName(plan), cancellationToken))
        {
            var channels = ChannelChoice.For(plan.Channels, group.Telegram, group.Sms);
            if (channels.Count == 0)
            {
                continue;
            }
            recipients += group.Count;
            byLanguage[group.Language] = byLanguage.GetValueOrDefault(group.Language) + group.Count;
            foreach (var channel in channels)
            {
                byChannel[channel == ChannelKind.Telegram ? "telegram" : "sms"] += group.Count;
            }
            if (channels.Contains(ChannelKind.Sms))
            {
                var recipient = new Recipient(Guid.Empty, group.Name, group.Language, null, null, false, false, group.Region, group.Crossing, group.Latitude, group.Longitude, EstimatedToken);
                var text = texts.Render(recipient, planner.Crossings, planner.Assignment, signature, now);
                (smsTexts.TryGetValue(group.Language, out var list) ? list : smsTexts[group.Language] = []).Add((text, group.Count));
            }
        }
        var sms = smsTexts.Select(pair => SmsEstimate.Of(pair.Key, pair.Value)).ToList();
        return new BroadcastEstimate(recipients, byChannel, byLanguage, sms, sms.Sum(s => s.TotalSegments));
    }

    /// <summary>Every citizen's link is as long as this stand-in, so the estimate counts the segments links cost.</summary>
    static readonly string EstimatedToken = new('0', Core.CheckIn.CheckInToken.Length);

    /// <summary>Citizens who would get the same text, counted together.</summary>
    sealed record Group(string Language, bool Telegram, bool Sms, string? Crossing, string? Region, double? Latitude, double? Longitude, string Name, int Count);

    static bool UsesName(BroadcastPlan plan) =>
        plan.Kind != BroadcastKind.Custom
        && plan.Texts.Values.Any(text => text.Contains("{" + Placeholders.Name + "}", StringComparison.OrdinalIgnoreCase));

    static async Task<List<Group>> GroupsAsync(EvacuationDb db, BroadcastPlan plan, bool byName, CancellationToken cancellationToken)
    {
        var citizens = AudienceQuery.Apply(db.Citizens.AsNoTracking(), plan.Audience);
        if (byName)
        {
            return await citizens
                .GroupBy(c => new
                {
                    c.Language,
                    Telegram = c.TelegramChatId != null && !c.TelegramUnreachable,
                    Sms = c.Phone != null && !c.SmsUnreachable,
                    c.AssignedCrossing, c.Region, c.Latitude, c.Longitude, c.Name,
                })
                .Select(g => new Group(g.Key.Language, g.Key.Telegram, g.Key.Sms, g.Key.AssignedCrossing, g.Key.Region, g.Key.Latitude, g.Key.Longitude, g.Key.Name, g.Count()))
                .ToListAsync(cancellationToken);
        }
        return await citizens
            .GroupBy(c => new
            {
                c.Language,
                Telegram = c.TelegramChatId != null && !c.TelegramUnreachable,
                Sms = c.Phone != null && !c.SmsUnreachable,
                c.AssignedCrossing, c.Region, c.Latitude, c.Longitude,
            })
            .Select(g => new Group(g.Key.Language, g.Key.Telegram, g.Key.Sms, g.Key.AssignedCrossing, g.Key.Region, g.Key.Latitude, g.Key.Longitude, "", g.Count()))
            .ToListAsync(cancellationToken);
    }
}
