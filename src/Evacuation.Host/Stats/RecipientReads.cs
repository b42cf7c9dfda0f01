using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Stats;

/// <summary>What <see cref="CounterFold"/> reads about the recipients it re-counts.</summary>
static class RecipientReads
{
    /// <summary>Each query asks for every listed broadcast and citizen together, so it is kept small enough that the cross product stays near the pairs wanted.</summary>
    const int MostRowsAsked = 20_000;

    /// <summary>The deliveries of each pair, summed up; a pair with none is absent.</summary>
    public static async Task<Dictionary<(Guid BroadcastId, Guid CitizenId), RecipientDeliveries>> DeliveriesAsync(
        EvacuationDb db, IReadOnlyCollection<(Guid BroadcastId, Guid CitizenId)> pairs, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(Guid, Guid), RecipientDeliveries>();
        foreach (var chunk in Chunks(pairs))
        {
            var broadcasts = chunk.Select(p => p.BroadcastId).Distinct().ToList();
            var citizens = chunk.Select(p => p.CitizenId).Distinct().ToList();
            var rows = await db.Deliveries.AsNoTracking()
                .Where(d => broadcasts.Contains(d.BroadcastId) && citizens.Contains(d.CitizenId))
                .Select(d => new { d.BroadcastId, d.CitizenId, d.Channel, d.State, d.SentAt })
                .ToListAsync(cancellationToken);
            var wanted = chunk.ToHashSet();
            foreach (var pair in rows.GroupBy(r => (r.BroadcastId, r.CitizenId)).Where(g => wanted.Contains(g.Key)))
            {
                found[pair.Key] = RecipientDeliveries.Of(pair.Select(r => (r.Channel, r.State, r.SentAt)))!;
            }
        }
        return found;
    }

    /// <summary>Each citizen's status with their last status change and last reply; an erased citizen is absent.</summary>
    public static async Task<Dictionary<Guid, RecipientFacts>> FactsAsync(EvacuationDb db, List<Guid> citizenIds, CancellationToken cancellationToken)
    {
        var statuses = await db.Citizens.AsNoTracking().Where(c => citizenIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Status }).ToListAsync(cancellationToken);
        var lastEvents = await db.CitizenEvents.AsNoTracking()
            .Where(e => citizenIds.Contains(e.CitizenId) && (e.Kind == CitizenEventKind.StatusChanged || e.Kind == CitizenEventKind.ReplyReceived))
            .GroupBy(e => new { e.CitizenId, e.Kind })
            .Select(g => new { g.Key.CitizenId, g.Key.Kind, At = g.Max(e => e.At) })
            .ToListAsync(cancellationToken);
        var last = lastEvents.ToDictionary(e => (e.CitizenId, e.Kind), e => e.At);
        return statuses.ToDictionary(c => c.Id, c => new RecipientFacts(c.Status,
            last.TryGetValue((c.Id, CitizenEventKind.StatusChanged), out var changed) ? changed : null,
            last.TryGetValue((c.Id, CitizenEventKind.ReplyReceived), out var replied) ? replied : null));
    }

    /// <summary>Pairs grouped by broadcast, a chunk growing while broadcasts times citizens stays under <see cref="MostRowsAsked"/>.</summary>
    static IEnumerable<List<(Guid BroadcastId, Guid CitizenId)>> Chunks(IReadOnlyCollection<(Guid BroadcastId, Guid CitizenId)> pairs)
    {
        var chunk = new List<(Guid BroadcastId, Guid CitizenId)>();
        var (broadcasts, citizens) = (new HashSet<Guid>(), new HashSet<Guid>());
        foreach (var group in pairs.GroupBy(p => p.BroadcastId))
        {
            var groupCitizens = group.Select(p => p.CitizenId).ToList();
            var wouldAsk = (long)(broadcasts.Count + 1) * (citizens.Count + groupCitizens.Count);
            if (chunk.Count > 0 && wouldAsk > MostRowsAsked)
            {
                yield return chunk;
                (chunk, broadcasts, citizens) = ([], [], []);
            }
            chunk.AddRange(group);
            broadcasts.Add(group.Key);
            citizens.UnionWith(groupCitizens);
        }
        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
