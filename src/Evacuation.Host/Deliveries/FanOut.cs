using Evacuation.Core.Broadcasts;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Broadcasts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Deliveries;

/// <summary>
/// Turns due broadcasts into delivery rows: streams the audience in batches of <c>Deliveries:FanOutBatch</c>
/// citizens ordered by id, renders each citizen's text, inserts the batch and moves the broadcast's cursor in the
/// same transaction, then wakes the dispatchers, so the first messages leave while later batches are written.
/// After a crash it resumes after the cursor; nothing is written twice and nobody is skipped.
/// </summary>
public sealed class FanOut(
    IDbContextFactory<EvacuationDb> databases,
    TimeProvider time,
    CrossingsFile crossings,
    Outbox outbox,
    DeliveryPulse pulse,
    IOptions<DeliveriesOptions> options,
    ILogger<FanOut> logger) : BackgroundService
{
    readonly CrossingAssignment places = new(crossings);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var woken = pulse.Next;
                if (await NextDueAsync(stoppingToken) is { } id)
                {
                    await FanOutAsync(id, stoppingToken);
                    continue;
                }
                await woken.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (TimeoutException)
            {
                // Nothing woke us: look again.
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Fan-out failed; trying again");
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    async Task<Guid?> NextDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var due = await db.Broadcasts.AsNoTracking()
            .Where(b => (b.State == BroadcastState.Queued || b.State == BroadcastState.Sending) && b.FannedOutAt == null && b.SendAt <= now)
            .OrderBy(b => b.SendAt)
            .Select(b => b.Id)
            .Take(1)
            .ToListAsync(cancellationToken);
        return due.Count == 0 ? null : due[0];
    }

    /// <summary>Writes every delivery of one broadcast, batch by batch.</summary>
    public async Task FanOutAsync(Guid broadcastId, CancellationToken cancellationToken)
    {
        Broadcast broadcast;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            broadcast = await db.Broadcasts.AsNoTracking().SingleAsync(b => b.Id == broadcastId, cancellationToken);
            await db.Broadcasts.Where(b => b.Id == broadcastId && b.State == BroadcastState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, BroadcastState.Sending), cancellationToken);
        }
        var texts = BroadcastTexts.Of(broadcast);
        var audience = BroadcastTexts.AudienceOf(broadcast);
        var cursor = broadcast.FanOutCursor;
        var written = 0;
        while (true)
        {
            var (count, last, finished) = await WriteBatchAsync(broadcast, texts, audience, cursor, cancellationToken);
            written += count;
            cursor = last;
            pulse.Pulse();
            if (finished)
            {
                break;
            }
        }
        logger.LogInformation("Broadcast {BroadcastId} fanned out: {Count} deliveries", broadcastId, written);
        await outbox.CompleteFinishedAsync([broadcastId], cancellationToken);
    }

    async Task<(int Count, Guid? Last, bool Finished)> WriteBatchAsync(
        Broadcast broadcast, BroadcastTexts texts, Audience audience, Guid? cursor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var state = await db.Broadcasts.Where(b => b.Id == broadcast.Id).Select(b => b.State).SingleAsync(cancellationToken);
        var citizens = AudienceQuery.Apply(db.Citizens.AsNoTracking(), audience);
        if (cursor is { } after)
        {
            citizens = citizens.Where(c => c.Id.CompareTo(after) > 0);
        }
        var batch = state == BroadcastState.Cancelled
            ? []
            : await Recipient.From(citizens.OrderBy(c => c.Id).Take(options.Value.FanOutBatch)).ToListAsync(cancellationToken);
        var deliveries = new List<Delivery>(batch.Count);
        foreach (var recipient in batch)
        {
            var channels = broadcast.ChannelsFor(recipient.HasTelegram, recipient.HasSms);
            if (channels.Count == 0)
            {
                continue;
            }
            var text = texts.Render(recipient, crossings, places);
            foreach (var channel in channels)
            {
                deliveries.Add(new Delivery
                {
                    BroadcastId = broadcast.Id,
                    CitizenId = recipient.Id,
                    Channel = channel,
                    Address = recipient.AddressOn(channel),
                    Text = text,
                    WithReplyButtons = channel == Core.Channels.ChannelKind.Telegram && broadcast.Kind != BroadcastKind.Custom,
                    State = DeliveryState.Pending,
                    NextAttemptAt = now,
                    CreatedAt = now,
                });
            }
        }
        db.Deliveries.AddRange(deliveries);
        await db.SaveChangesAsync(cancellationToken);
        var finished = batch.Count < options.Value.FanOutBatch;
        var last = batch.Count > 0 ? batch[^1].Id : cursor;
        await db.Broadcasts.Where(b => b.Id == broadcast.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.FanOutCursor, last)
                .SetProperty(b => b.FannedOutAt, finished ? now : null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (deliveries.Count, last, finished);
    }
}
