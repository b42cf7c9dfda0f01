using System.Threading.Channels;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Broadcasts;
using Evacuation.Host.Cluster;
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
    WriterQueue writers,
    Signature signature,
    BroadcastLines lines,
    FanOutFailures failures,
    ILogger<FanOut> logger) : BackgroundService
{
    readonly CrossingAssignment places = new(crossings);

    /// <summary>New broadcasts pulse; idle, it looks again after <see cref="IdleBackoff"/> for another process's.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = new IdleBackoff(options.Value.PollInterval, options.Value.IdleInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var woken = pulse.Next;
                if (await NextDueAsync(stoppingToken) is { } id)
                {
                    idle.Reset();
                    await TryFanOutAsync(id, stoppingToken);
                    continue;
                }
                await woken.WaitAsync(idle.Next(), stoppingToken);
                idle.Reset();
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

    /// <summary>One broadcast's fan-out; a broadcast that keeps failing is set aside (<see cref="FanOutFailures"/>).</summary>
    async Task TryFanOutAsync(Guid id, CancellationToken stoppingToken)
    {
        try
        {
            await FanOutAsync(id, stoppingToken);
            failures.Succeeded(id);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            if (!await failures.FailedAsync(id, e, stoppingToken))
            {
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

    /// <summary>
    /// Writes every delivery of one broadcast, batch by batch. Reading and rendering the next batch overlaps with
    /// writing the current one (reads never wait for SQLite's writer). The first batches are small so the first
    /// messages leave at once.
    /// </summary>
    public async Task FanOutAsync(Guid broadcastId, CancellationToken cancellationToken)
    {
        Broadcast broadcast;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            broadcast = await db.Broadcasts.AsNoTracking().SingleAsync(b => b.Id == broadcastId, cancellationToken);
            if (broadcast.FanOutCursor is null)
            {
                logger.LogInformation("Broadcast {BroadcastId} ({Kind}, by {CreatedBy}) started: {Recipients} recipients by {Channels}",
                    broadcast.Id, broadcast.Kind, broadcast.CreatedBy, broadcast.Recipients, broadcast.Channels);
            }
            await db.Broadcasts.Where(b => b.Id == broadcastId && b.State == BroadcastState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, BroadcastState.Sending), cancellationToken);
            lines.Watch(broadcast.Id, broadcast.Kind, broadcast.CreatedBy); // once Sending, so its end is what is seen next
        }
        var batches = Channel.CreateBounded<Batch>(2);
        var reading = Task.Run(() => ReadAllAsync(broadcast, batches.Writer, cancellationToken), cancellationToken);
        var written = 0;
        await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
        {
            await WriteAsync(broadcast, batch, cancellationToken);
            written += batch.Rows.Count;
            pulse.Pulse();
        }
        await reading;
        logger.LogDebug("Broadcast {BroadcastId} fanned out: {Count} deliveries", broadcastId, written);
        await outbox.CompleteFinishedAsync([broadcastId], cancellationToken);
    }

    sealed record Batch(List<Delivery> Rows, List<Guid> Citizens, Guid? Last, bool Finished, DateTime At);

    async Task ReadAllAsync(Broadcast broadcast, ChannelWriter<Batch> batches, CancellationToken cancellationToken)
    {
        try
        {
            var texts = BroadcastTexts.Of(broadcast);
            var audience = BroadcastTexts.AudienceOf(broadcast);
            var cursor = broadcast.FanOutCursor;
            var size = Math.Min(FirstBatch, options.Value.FanOutBatch);
            while (true)
            {
                var batch = await ReadAsync(broadcast, texts, audience, cursor, size, cancellationToken);
                await batches.WriteAsync(batch, cancellationToken);
                if (batch.Finished)
                {
                    break;
                }
                cursor = batch.Last;
                // Ramp up (200, 1,000, then full batches): each early write holds SQLite's writer only briefly,
                // so the dispatchers' first claims get in between.
                size = Math.Min(size * 5, options.Value.FanOutBatch);
            }
            batches.Complete();
        }
        catch (Exception e)
        {
            batches.Complete(e);
        }
    }

    const int FirstBatch = 200;

    /// <summary>The next <paramref name="size"/> citizens after <paramref name="cursor"/>, with their messages rendered. Empty once the broadcast is cancelled.</summary>
    async Task<Batch> ReadAsync(
        Broadcast broadcast, BroadcastTexts texts, Audience audience, Guid? cursor, int size, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var state = await db.Broadcasts.Where(b => b.Id == broadcast.Id).Select(b => b.State).SingleAsync(cancellationToken);
        var citizens = AudienceQuery.Apply(db.Citizens.AsNoTracking(), audience);
        if (cursor is { } after)
        {
            citizens = citizens.Where(c => c.Id.CompareTo(after) > 0);
        }
        var recipients = state == BroadcastState.Cancelled
            ? []
            : await Recipient.From(citizens.OrderBy(c => c.Id).Take(size)).ToListAsync(cancellationToken);
        return new Batch(Render(broadcast, texts, recipients, now), [.. recipients.Select(r => r.Id)],
            recipients.Count > 0 ? recipients[^1].Id : cursor, recipients.Count < size, now);
    }

    List<Delivery> Render(Broadcast broadcast, BroadcastTexts texts, List<Recipient> recipients, DateTime now)
    {
        var rows = new List<Delivery>(recipients.Count);
        foreach (var recipient in recipients)
        {
            if (recipient.HasTelegram || recipient.HasSms)
            {
                rows.AddRange(recipient.DeliveriesOf(broadcast, texts.Render(recipient, crossings, places, signature, now), now));
            }
        }
        return rows;
    }

    /// <summary>
    /// A crossing changed this long before a batch was read counts as changed after it: nodes' clocks differ a little,
    /// and rendering a batch again costs one read.
    /// </summary>
    static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The batch's rows as they are to be written: rendered again from the citizens' current rows when a crossing
    /// changed since the batch was read. A closure moves citizens and withdraws their messages naming the crossing;
    /// a batch rendered before it and written after would otherwise send them there anyway.
    /// </summary>
    async Task<List<Delivery>> CurrentRowsAsync(EvacuationDb db, Broadcast broadcast, Batch batch, CancellationToken cancellationToken)
    {
        var since = batch.At - ClockMargin;
        if (batch.Citizens.Count == 0 || !await db.Crossings.AnyAsync(c => c.UpdatedAt >= since, cancellationToken))
        {
            return batch.Rows;
        }
        var ids = batch.Citizens;
        var citizens = AudienceQuery.Apply(db.Citizens.AsNoTracking(), BroadcastTexts.AudienceOf(broadcast)).Where(c => EF.Parameter(ids).Contains(c.Id));
        var recipients = await Recipient.From(citizens.OrderBy(c => c.Id)).ToListAsync(cancellationToken);
        return Render(broadcast, BroadcastTexts.Of(broadcast), recipients, time.GetUtcNow().UtcDateTime);
    }

    /// <summary>Inserts a batch and moves the cursor in one short transaction: after a crash, fan-out resumes after the last batch written.</summary>
    async Task WriteAsync(Broadcast broadcast, Batch batch, CancellationToken cancellationToken)
    {
        var broadcastId = broadcast.Id;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        using var turn = await writers.TakeTurnAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SharedCrossings.HoldOffChangesAsync(db, cancellationToken);
        var rows = await CurrentRowsAsync(db, broadcast, batch, cancellationToken);
        // The cursor first: a broadcast removed meanwhile (a drill cleaned away) matches nothing, and then nothing is
        // written for people who may be gone too. On PostgreSQL the row lock orders this against the removal.
        var moved = await db.Broadcasts.Where(b => b.Id == broadcastId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.FanOutCursor, batch.Last)
                .SetProperty(b => b.FannedOutAt, batch.Finished ? batch.At : null), cancellationToken);
        if (moved > 0)
        {
            await db.InsertNewAsync(rows, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
