using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Drills;
using Evacuation.Data;
using Evacuation.Host.Auditing;
using Evacuation.Host.Deliveries;
using Evacuation.Host.Routes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Drills;

/// <summary>
/// A drill's start, in one transaction: the drill row, its demo citizens (each given their crossing as an import
/// would), the Advisory to them, and the audit entry. Demo phones or chat ids that a real citizen already has are
/// left out, so the drill never touches a real person's number.
/// </summary>
public static class DrillSeeding
{
    /// <summary>The author of a drill's broadcasts, so lists and the cleaning can tell them apart.</summary>
    public const string Author = "drill";

    public static async Task<List<Citizen>> SeedAsync(
        EvacuationDb db, WriterQueue writer, CrossingPlanner planner, Drill drill, TimeSpan giveUpAfter, CancellationToken cancellationToken)
    {
        var now = drill.StartedAt;
        var citizens = await WithoutTakenAsync(db, DrillPopulation.Make(drill.Id, drill.Citizens, drill.Seed, now, drill.StartedBy), cancellationToken);
        planner.AssignAll(citizens, now);
        var advisory = new Broadcast
        {
            Kind = BroadcastKind.Advisory,
            TextsJson = "{}",
            AudienceJson = JsonSerializer.Serialize(new Audience([.. Enum.GetValues<JourneyStatus>().Where(s => s != JourneyStatus.Departed)], [], []) { Drill = true }),
            Channels = ChannelPolicy.Preferred,
            State = BroadcastState.Queued,
            CreatedBy = Author,
            CreatedAt = now,
            SendAt = now,
            ExpiresAt = now + giveUpAfter,
            Recipients = citizens.Count,
        };
        drill.AdvisoryId = advisory.Id;
        drill.Citizens = citizens.Count;
        using var turn = await writer.TakeTurnAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.InsertAsync(citizens, cancellationToken);
        db.Drills.Add(drill);
        db.Broadcasts.Add(advisory);
        db.Record(now, drill.StartedBy, "drill.start", drill.Id.ToString(),
            $"{citizens.Count} demo citizens over {drill.Minutes} minutes" + (drill.CloseCrossing ? ", a crossing closes halfway" : ""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return citizens;
    }

    /// <summary>Drops demo citizens whose phone, chat id or external id is taken (a real citizen's, or a leftover).</summary>
    static async Task<List<Citizen>> WithoutTakenAsync(EvacuationDb db, List<Citizen> citizens, CancellationToken cancellationToken)
    {
        var phones = new HashSet<string>();
        var chats = new HashSet<long>();
        foreach (var chunk in citizens.Chunk(500))
        {
            var p = chunk.Where(c => c.Phone is not null).Select(c => c.Phone!).ToList();
            var t = chunk.Where(c => c.TelegramChatId is not null).Select(c => c.TelegramChatId!.Value).ToList();
            phones.UnionWith(await db.Citizens.Where(c => c.Phone != null && p.Contains(c.Phone)).Select(c => c.Phone!).ToListAsync(cancellationToken));
            chats.UnionWith(await db.Citizens.Where(c => c.TelegramChatId != null && t.Contains(c.TelegramChatId.Value)).Select(c => c.TelegramChatId!.Value).ToListAsync(cancellationToken));
        }
        return [.. citizens.Where(c => (c.Phone is null || !phones.Contains(c.Phone)) && (c.TelegramChatId is null || !chats.Contains(c.TelegramChatId.Value)))];
    }
}
