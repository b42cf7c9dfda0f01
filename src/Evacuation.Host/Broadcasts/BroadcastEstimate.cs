using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Broadcasts;

/// <summary>
/// What a broadcast will cost before it is sent (CONTRACT.md section 3): recipients per channel and language,
/// and for SMS the encoding and segments of each language's text filled with typical values.
/// </summary>
public sealed record BroadcastEstimate(
    int Recipients,
    IReadOnlyDictionary<string, int> ByChannel,
    IReadOnlyDictionary<string, int> ByLanguage,
    IReadOnlyList<SmsEstimate> Sms,
    long TotalSmsSegments)
{
    public static async Task<BroadcastEstimate> CountAsync(EvacuationDb db, BroadcastPlan plan, CancellationToken cancellationToken)
    {
        var groups = await AudienceQuery.Apply(db.Citizens.AsNoTracking(), plan.Audience)
            .GroupBy(c => new
            {
                c.Language,
                Telegram = c.TelegramChatId != null && !c.TelegramUnreachable,
                Sms = c.Phone != null && !c.SmsUnreachable,
            })
            .Select(g => new { g.Key.Language, g.Key.Telegram, g.Key.Sms, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var recipients = 0;
        var byChannel = new Dictionary<string, int> { ["telegram"] = 0, ["sms"] = 0 };
        var byLanguage = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var smsByLanguage = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in groups)
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
                var key = channel == ChannelKind.Telegram ? "telegram" : "sms";
                byChannel[key] += group.Count;
                if (channel == ChannelKind.Sms)
                {
                    smsByLanguage[group.Language] = smsByLanguage.GetValueOrDefault(group.Language) + group.Count;
                }
            }
        }
        var texts = new BroadcastTexts(plan.Kind, plan.Texts);
        var sms = smsByLanguage
            .Select(pair => SmsEstimate.For(plan.Kind, texts.For(pair.Key), Language.TryParse(pair.Key, out var code) ? code : Language.English, pair.Value) with { Language = pair.Key })
            .ToList();
        return new BroadcastEstimate(recipients, byChannel, byLanguage, sms, sms.Sum(s => s.TotalSegments));
    }
}
