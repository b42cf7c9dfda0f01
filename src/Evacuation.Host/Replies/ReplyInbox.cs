using System.Threading.Channels;
using Evacuation.Core.Channels;
using Evacuation.Core.Replies;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Replies;

/// <summary>
/// Stores inbound messages, once each: the unique (channel, provider id) key turns a replayed webhook or a repeated
/// Telegram update into a no-op. Interpretation happens after, from the stored row (<see cref="ReplyInterpreter"/>).
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
    readonly TimeProvider time;
    readonly ReplyPulse pulse;
    readonly ILogger<ReplyInbox> logger;
    readonly Channel<Waiting> waiting = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });
    readonly CancellationTokenSource stopping = new();
    readonly Task writer;

    sealed record Waiting(InboundMessage Message, TaskCompletionSource<bool> Stored);

    public ReplyInbox(IDbContextFactory<EvacuationDb> databases, TimeProvider time, ReplyPulse pulse, ILogger<ReplyInbox> logger)
    {
        this.databases = databases;
        this.time = time;
        this.pulse = pulse;
        this.logger = logger;
        writer = Task.Run(WriteAllAsync);
    }

    /// <summary>True when stored now; false when it was already stored. Returns once the row is committed.</summary>
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
                    pulse.Pulse();
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    logger.LogError(e, "Storing {Count} inbound messages failed", batch.Count);
                    foreach (var item in batch)
                    {
                        item.Stored.TrySetException(e);
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
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var keys = batch.Select(w => w.Message.ProviderKey).Distinct().ToList();
        var known = (await db.Replies.AsNoTracking().Where(r => keys.Contains(r.ProviderKey))
            .Select(r => new { r.Channel, r.ProviderKey }).ToListAsync(cancellationToken))
            .Select(r => (r.Channel, r.ProviderKey)).ToHashSet();
        var results = new List<(Waiting Item, bool Stored)>(batch.Count);
        foreach (var item in batch)
        {
            var stored = known.Add((item.Message.Channel, item.Message.ProviderKey));
            if (stored)
            {
                db.Replies.Add(Reply.Of(item.Message, now));
            }
            results.Add((item, stored));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (batch.Count > 1)
        {
            // Another process stored one of these first: store them one at a time so each gets its own answer.
            foreach (var item in batch)
            {
                item.Stored.TrySetResult(await StoreOneAsync(item.Message, now, cancellationToken));
            }
            return;
        }
        foreach (var (item, stored) in results)
        {
            item.Stored.TrySetResult(stored);
        }
    }

    async Task<bool> StoreOneAsync(InboundMessage message, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Replies.Add(Reply.Of(message, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
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
