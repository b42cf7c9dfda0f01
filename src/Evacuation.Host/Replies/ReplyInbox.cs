using System.Threading.Channels;
using Evacuation.Core.Channels;
using Evacuation.Core.Replies;
using Evacuation.Data;
using Evacuation.Host.Deliveries;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Replies;

/// <summary>
/// Stores inbound messages, once each: the unique (channel, provider id) key turns a replayed webhook or a repeated
/// Telegram update into a no-op. New replies are interpreted in the same transaction that stores them, so each
/// costs one commit; if that fails for any reason they are stored as they came and <see cref="ReplyInterpreter"/>
/// interprets them from the stored rows later, one at a time if need be. Nothing is lost either way. When the
/// database cannot store a message at all (busy, full, unreachable), the caller gets <see cref="NotStoredException"/>:
/// the webhook answers 503 so the provider sends it again, and polling asks for the same update again.
/// </summary>
/// <remarks>
/// Group commit: concurrent webhooks hand their message to one writer, which stores everything waiting in one
/// transaction and then answers each caller. On SQLite, where one writer holds the lock at a time, this turns a
/// burst of webhooks into a few short transactions instead of a queue of lock waits.
/// </remarks>
public sealed class ReplyInbox : IAsyncDisposable
{
    const int MaxBatch = 500;

    readonly IDbContextFactory<EvacuationDb> databases;
    readonly WriterQueue writers;
    readonly ReplyInterpreter interpreter;
    readonly DeliveryPulse deliveries;
    readonly TimeProvider time;
    readonly ReplyPulse pulse;
    readonly ILogger<ReplyInbox> logger;
    readonly Channel<Waiting> waiting = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });
    readonly CancellationTokenSource stopping = new();
    readonly Task writer;

    sealed record Waiting(InboundMessage Message, TaskCompletionSource<bool> Stored);

    public ReplyInbox(
        IDbContextFactory<EvacuationDb> databases,
        WriterQueue writers,
        ReplyInterpreter interpreter,
        DeliveryPulse deliveries,
        TimeProvider time,
        ReplyPulse pulse,
        ILogger<ReplyInbox> logger)
    {
        this.databases = databases;
        this.writers = writers;
        this.interpreter = interpreter;
        this.deliveries = deliveries;
        this.time = time;
        this.pulse = pulse;
        this.logger = logger;
        writer = Task.Run(WriteAllAsync);
    }

    /// <summary>
    /// True when stored now; false when it was already stored (only a unique-key violation on (channel, provider
    /// key) says so). Returns once the row is committed; throws <see cref="NotStoredException"/> when it was not.
    /// </summary>
    public async Task<bool> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var item = new Waiting(message, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        await waiting.Writer.WriteAsync(item, cancellationToken);
        return await item.Stored.Task.WaitAsync(cancellationToken);
    }

    async Task WriteAllAsync()
    {
        var batch = new List<Waiting>(MaxBatch);
        try
        {
            while (await waiting.Reader.WaitToReadAsync(stopping.Token))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && waiting.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }
                try
                {
                    await StoreAsync(batch, stopping.Token);
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    logger.LogError(e, "Storing {Count} inbound messages failed; their senders are asked to send them again", batch.Count);
                    foreach (var item in batch)
                    {
                        item.Stored.TrySetException(new NotStoredException(e));
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        foreach (var item in batch)
        {
            item.Stored.TrySetCanceled();
        }
    }

    async Task StoreAsync(List<Waiting> batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        using var turn = await writers.TakeTurnAsync(cancellationToken);
        var firsts = await NewOnesAsync(batch, cancellationToken);
        var fresh = firsts.ConvertAll(w => w.Message);
        if (fresh.Count > 0)
        {
            if (await StoreInterpretedAsync(fresh, now, cancellationToken))
            {
                deliveries.Pulse();
            }
            else if (await StoreAsTheyCameAsync(fresh, now, cancellationToken))
            {
                pulse.Pulse();
            }
            else
            {
                // Another process stored one of these first: one at a time, so each caller gets its own answer.
                turn.Dispose();
                foreach (var item in batch)
                {
                    item.Stored.TrySetResult(await StoreOneAsync(item.Message, now, cancellationToken));
                }
                pulse.Pulse();
                return;
            }
        }
        var stored = firsts.ToHashSet();
        foreach (var item in batch)
        {
            item.Stored.TrySetResult(stored.Contains(item));
        }
    }

    /// <summary>The messages of the batch not stored before; of a replay within the batch, the first.</summary>
    async Task<List<Waiting>> NewOnesAsync(List<Waiting> batch, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var keys = batch.Select(w => w.Message.ProviderKey).Distinct().ToList();
        var known = (await db.Replies.AsNoTracking().Where(r => EF.Parameter(keys).Contains(r.ProviderKey))
            .Select(r => new { r.Channel, r.ProviderKey }).ToListAsync(cancellationToken))
            .Select(r => (r.Channel, r.ProviderKey)).ToHashSet();
        return batch.Where(w => known.Add((w.Message.Channel, w.Message.ProviderKey))).ToList();
    }

    /// <summary>
    /// Stores and interprets in one transaction. False, with nothing written, when anything in it failed, or when older
    /// replies still wait for the interpreter (after a crash or a failure): replies are acted on in the order they
    /// came, so a citizen's "on the way" stored earlier never overrides the "departed" that follows it.
    /// </summary>
    async Task<bool> StoreInterpretedAsync(List<InboundMessage> fresh, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.Replies.AnyAsync(r => r.InterpretedAt == null, cancellationToken))
            {
                return false;
            }
            var replies = fresh.ConvertAll(m => Reply.Of(m, now));
            var rows = await interpreter.ActAsync(db, replies, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await rows.InsertAsync(db, cancellationToken);
            await db.InsertAsync(replies, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Interpreting {Count} replies as they arrived failed; storing them for the interpreter", fresh.Count);
            return false;
        }
    }

    /// <summary>
    /// Stores the replies uninterpreted. False when one of them was stored by someone else meanwhile; any other
    /// failure is thrown, so no caller is told its message is stored when it is not.
    /// </summary>
    async Task<bool> StoreAsTheyCameAsync(List<InboundMessage> fresh, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.InsertAsync(fresh.ConvertAll(m => Reply.Of(m, now)), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (IsStoredAlready(e))
        {
            return false;
        }
    }

    static bool IsStoredAlready(Exception e) => UniqueKey.IsViolated(e, "replies", nameof(Reply.Channel), nameof(Reply.ProviderKey));

    async Task<bool> StoreOneAsync(InboundMessage message, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        using var turn = await writers.TakeTurnAsync(cancellationToken);
        db.Replies.Add(Reply.Of(message, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (IsStoredAlready(e))
        {
            return false;
        }
    }

    /// <summary>Where long polling resumes: one past the highest update_id stored, so a restart neither loses nor repeats updates.</summary>
    public async Task<long> NextTelegramOffsetAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var last = await db.Replies.Where(r => r.Channel == ChannelKind.Telegram && r.UpdateId != null).MaxAsync(r => r.UpdateId, cancellationToken);
        return last is { } id ? id + 1 : 0;
    }

    public async ValueTask DisposeAsync()
    {
        waiting.Writer.TryComplete();
        await stopping.CancelAsync();
        try
        {
            await writer;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        stopping.Dispose();
    }
}
