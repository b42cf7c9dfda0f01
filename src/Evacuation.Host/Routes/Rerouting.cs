using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Broadcasts;
using Evacuation.Host.Deliveries;
using Evacuation.Host.Routes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Routes;

/// <summary>
/// Moves the citizens assigned to a crossing that just closed or jammed to their next crossing, and queues their new
/// RouteInstructions in the ordinary outbox: a broadcast with its deliveries already written, which the dispatchers
/// send like any other. Nobody else is touched. When no crossing is left they are told to wait instead.
/// </summary>
/// <remarks>
/// The deliveries are written here rather than by fan-out because the audience ("assigned to X before the
/// closure") no longer exists once they are moved; writing them in the caller's transaction also means a crash
/// leaves either the move and its messages, or neither.
/// </remarks>
public sealed class Rerouting(EvacuationDb db, CrossingPlanner planner, Signature signature)
{
    /// <summary>Ids per UPDATE: one array parameter (about 400 KB of JSON on SQLite) per 10,000 citizens.</summary>
    const int Chunk = 10_000;

    /// <summary>Call inside a transaction, after <paramref name="crossing"/>'s new status is set in memory.</summary>
    public async Task<RerouteResult> RerouteAsync(Crossing crossing, string actor, DateTime now, CancellationToken cancellationToken)
    {
        var (recipients, optedOut) = await AssignedToAsync(crossing.Id, cancellationToken);
        if (recipients.Count == 0)
        {
            return RerouteResult.Nothing;
        }
        var plan = Plan(recipients);
        foreach (var group in plan.Moved.GroupBy(r => r.AssignedCrossing))
        {
            await MoveAsync(crossing.Id, group.Key, group.Select(r => r.Id).ToList(), now, cancellationToken);
        }
        await MoveAsync(crossing.Id, null, [.. plan.Waiting.Select(r => r.Id), .. plan.Unplaced.Select(r => r.Id)], now, cancellationToken);
        // Before the new directions are queued: what still names the crossing must not follow them.
        var withdrawn = await StaleDirections.WithdrawAsync(db, crossing, [.. recipients.Select(r => r.Id)], cancellationToken);

        var broadcasts = new List<string>();
        var messaged = 0;
        async Task TellAsync(BroadcastKind kind, IReadOnlyDictionary<string, string> texts, List<Recipient> told)
        {
            var audience = new Audience([], [], [crossing.Id]);
            var sent = await QueueAsync(kind, texts, audience, told.Where(r => !optedOut.Contains(r.Id)).ToList(), actor, now, cancellationToken);
            if (sent is not null)
            {
                broadcasts.Add(sent.Id.ToString());
                messaged += sent.Recipients;
            }
        }
        // "Route changed: X is closed, go to Y", X written into each language's template. Citizens we cannot place (no
        // location, no known region) are told too: "go to the nearest open border crossing" while one is open, else to wait.
        var allClosed = CrossingClosure.AllClosed(planner.Crossings.Crossings);
        await TellAsync(BroadcastKind.RouteInstructions, BuiltInTemplates.RouteChanged(crossing), allClosed ? plan.Moved : [.. plan.Moved, .. plan.Unplaced]);
        await TellAsync(BroadcastKind.Custom, WaitForInstructions.Texts(signature), allClosed ? [.. plan.Waiting, .. plan.Unplaced] : plan.Waiting);
        var to = plan.Moved.GroupBy(r => r.AssignedCrossing!).ToDictionary(g => g.Key, g => g.Count());
        return new RerouteResult(recipients.Count, to, plan.Waiting.Count, plan.Unplaced.Count, messaged, broadcasts) { Withdrawn = withdrawn };
    }

    /// <summary>The citizens assigned to <paramref name="crossingId"/>, and which of them opted out (moved, but not messaged).</summary>
    async Task<(List<Recipient> Recipients, HashSet<Guid> OptedOut)> AssignedToAsync(string crossingId, CancellationToken cancellationToken)
    {
        var rows = await db.Citizens.AsNoTracking()
            .Where(c => c.AssignedCrossing == crossingId)
            .Select(c => new
            {
                c.OptedOut,
                Recipient = new Recipient(c.Id, c.Name, c.Language, c.Phone, c.TelegramChatId, c.TelegramUnreachable,
                    c.SmsUnreachable, c.Region, c.AssignedCrossing, c.Latitude, c.Longitude, c.CheckInToken),
            })
            .ToListAsync(cancellationToken);
        return (rows.ConvertAll(r => r.Recipient), rows.Where(r => r.OptedOut).Select(r => r.Recipient.Id).ToHashSet());
    }

    /// <summary>Where each citizen goes now: to their next crossing, to wait (none left open), or nowhere we can tell (no location or known region).</summary>
    sealed record ReroutePlan(List<Recipient> Moved, List<Recipient> Waiting, List<Recipient> Unplaced);

    ReroutePlan Plan(List<Recipient> recipients)
    {
        var choices = new CrossingPlanner.Choices(planner.Assignment);
        var plan = new ReroutePlan([], [], []);
        foreach (var recipient in recipients)
        {
            if (!choices.TryChoose(recipient.Latitude, recipient.Longitude, recipient.Region, out var next))
            {
                plan.Unplaced.Add(recipient with { AssignedCrossing = null });
            }
            else if (next is null)
            {
                plan.Waiting.Add(recipient with { AssignedCrossing = null });
            }
            else
            {
                plan.Moved.Add(recipient with { AssignedCrossing = next.Id });
            }
        }
        return plan;
    }

    /// <summary>
    /// After a reopening: citizens who have no crossing (told to wait while all were closed) get one, silently; an
    /// operator decides when to send RouteInstructions. Returns how many were placed.
    /// </summary>
    public async Task<int> PlaceWaitingAsync(DateTime now, CancellationToken cancellationToken)
    {
        var unassigned = await db.Citizens.AsNoTracking()
            .Where(c => c.AssignedCrossing == null && (c.Region != null || c.Latitude != null))
            .Select(c => new { c.Id, c.Latitude, c.Longitude, c.Region })
            .ToListAsync(cancellationToken);
        var choices = new CrossingPlanner.Choices(planner.Assignment);
        var placed = new List<(Guid Id, string Crossing)>();
        foreach (var c in unassigned)
        {
            if (choices.TryChoose(c.Latitude, c.Longitude, c.Region, out var next) && next is not null)
            {
                placed.Add((c.Id, next.Id));
            }
        }
        foreach (var group in placed.GroupBy(p => p.Crossing))
        {
            foreach (var chunk in group.Select(p => p.Id).Chunk(Chunk))
            {
                var list = chunk.ToList();
                await db.Citizens
                    .Where(c => c.AssignedCrossing == null && EF.Parameter(list).Contains(c.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedCrossing, group.Key).SetProperty(c => c.AssignedCrossingAt, now), cancellationToken);
            }
        }
        return placed.Count;
    }

    /// <summary>Re-points the given citizens, but only those still assigned to the closed crossing (a location shared meanwhile wins).</summary>
    async Task MoveAsync(string from, string? to, List<Guid> ids, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var list = chunk.ToList();
            await db.Citizens
                .Where(c => c.AssignedCrossing == from && EF.Parameter(list).Contains(c.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedCrossing, to).SetProperty(c => c.AssignedCrossingAt, now), cancellationToken);
        }
    }

    /// <summary>One broadcast, already fanned out, with a delivery per recipient and channel (Preferred policy).</summary>
    async Task<Broadcast?> QueueAsync(
        BroadcastKind kind, IReadOnlyDictionary<string, string> texts, Audience audience, List<Recipient> recipients,
        string actor, DateTime now, CancellationToken cancellationToken)
    {
        var broadcast = Broadcast.FannedOut(kind, ChannelPolicy.Preferred, actor, now, DeliveryPriority.Urgent, expiresAfter: null);
        broadcast.TextsJson = JsonSerializer.Serialize(texts);
        broadcast.AudienceJson = JsonSerializer.Serialize(audience);
        var render = new BroadcastTexts(kind, texts);
        var values = new RouteValues(planner, signature, now);
        var rows = new List<Delivery>(recipients.Count);
        foreach (var recipient in recipients)
        {
            var deliveries = recipient.DeliveriesOf(
                broadcast, BroadcastText.Compose(kind, render.For(recipient.Language), values.For(recipient)), now).ToList();
            if (deliveries.Count > 0)
            {
                broadcast.Recipients++;
                rows.AddRange(deliveries);
            }
        }
        if (broadcast.Recipients == 0)
        {
            return null;
        }
        db.Broadcasts.Add(broadcast);
        await db.SaveChangesAsync(cancellationToken);
        await db.InsertNewAsync(rows, cancellationToken);
        return broadcast;
    }
}
