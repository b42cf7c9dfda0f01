using Evacuation.Core.Broadcasts;
using Evacuation.Core.Replies;
using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Cases;
using Evacuation.Host.Citizens;
using Evacuation.Host.Deliveries;
using Evacuation.Host.Limits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Replies;

/// <summary>
/// Acts on stored replies, oldest first, each batch in its own transaction with its effects (README, "Citizens' replies"):
/// status changes on the timeline, NeedsHelp onto the call list, opt-out and opt-in, language, route requests
/// and shared locations, enrolment, and one answer per reply queued in the outbox.
/// </summary>
public sealed class ReplyInterpreter(
    IDbContextFactory<EvacuationDb> databases,
    TimeProvider time,
    CrossingsFile crossings,
    IOptions<CitizensOptions> citizens,
    DeliveryPulse deliveries,
    WriterQueue writers,
    Signature signature,
    StrangerAnswers strangers,
    AnswerBudget answers,
    EnrolmentCap enrolments,
    ILogger<ReplyInterpreter> logger)
{
    readonly SemaphoreSlim one = new(1, 1);
    readonly ReplyDecision decision = new(new CrossingAssignment(crossings), citizens.Value.DefaultRegion, signature);

    /// <summary>Interprets every reply stored before the call; returns how many. Safe to call from anywhere: one run at a time.</summary>
    public async Task<int> InterpretPendingAsync(CancellationToken cancellationToken)
    {
        await one.WaitAsync(cancellationToken);
        try
        {
            var done = 0;
            while (true)
            {
                List<long> batch;
                await using (var db = await databases.CreateDbContextAsync(cancellationToken))
                {
                    batch = await db.Replies.Where(r => r.InterpretedAt == null).OrderBy(r => r.Id).Take(Batch).Select(r => r.Id).ToListAsync(cancellationToken);
                }
                if (batch.Count == 0)
                {
                    return done;
                }
                try
                {
                    done += await InterpretAsync(batch, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Each alone, a batch of one too: a reply that still fails is set aside, so it never blocks the rest.
                    foreach (var id in batch)
                    {
                        done += await InterpretAloneAsync(id, cancellationToken);
                    }
                }
                deliveries.Pulse();
                if (batch.Count < Batch)
                {
                    // Caught up: everything stored before the call is done. Stragglers wait for the next call, so the
                    // worker can let them gather into one batch.
                    return done;
                }
            }
        }
        finally
        {
            one.Release();
        }
    }

    /// <summary>
    /// Small enough that a webhook waiting for its turn to write (<see cref="WriterQueue"/>) waits some tens of
    /// milliseconds at most, large enough that a burst of replies is a few commits.
    /// </summary>
    const int Batch = 100;

    /// <summary>
    /// Interprets <paramref name="ids"/> in one transaction: claims them, then acts on them (<see cref="ActAsync"/>)
    /// and saves once. Returns how many it did: none when another instance claimed one of them first, so the caller
    /// reads the pending rows again.
    /// </summary>
    async Task<int> InterpretAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        using var turn = await writers.TakeTurnAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The claim comes first: on PostgreSQL a second instance waits on these rows and then finds them taken.
        var claimed = await db.Replies.Where(r => EF.Parameter(ids).Contains(r.Id) && r.InterpretedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.InterpretedAt, now), cancellationToken);
        if (claimed != ids.Count)
        {
            return 0;
        }
        var replies = await db.Replies.Where(r => EF.Parameter(ids).Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var rows = await ActAsync(db, replies, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await rows.InsertAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return replies.Count;
    }

    /// <summary>
    /// Acts on <paramref name="replies"/> in order, in the caller's transaction, and marks each interpreted: what each
    /// means is decided by <see cref="ReplyDecision"/> and applied by <see cref="ReplyEffects"/>. The caller saves the
    /// context (changed and enrolled citizens), then inserts the returned rows (timeline events, answers). The
    /// senders are read in one query; a citizen enrolled by one reply is found by the next.
    /// Used here for stored rows and by <see cref="ReplyInbox"/> for replies it stores already interpreted.
    /// </summary>
    public async Task<RowsToInsert> ActAsync(EvacuationDb db, IReadOnlyList<Reply> replies, DateTime now, CancellationToken cancellationToken)
    {
        var senders = await SenderIndex.LoadAsync(db, replies, cancellationToken);
        var rows = new RowsToInsert();
        var cases = new HelpCases(db);
        foreach (var reply in replies)
        {
            var facts = await senders.FactsAsync(db, reply, decision, cancellationToken);
            var outcome = decision.Decide(reply, facts, now);
            if (await OverEnrolmentCapAsync(db, reply, outcome, now, cancellationToken))
            {
                reply.Unhandled = true;
                reply.Meaning = $"not enrolled: more than {enrolments.PerHour} enrolled themselves in the last hour";
            }
            else
            {
                await new ReplyEffects(db, senders, rows, cases, reply, now, answers, strangers).ApplyAsync(outcome, facts.Sender, cancellationToken);
            }
            reply.InterpretedAt = now;
        }
        return rows;
    }

    /// <summary>A citizen's own enrolment (not an operator's rehearsal in the sandbox) beyond the hourly cap is not acted on.</summary>
    async Task<bool> OverEnrolmentCapAsync(EvacuationDb db, Reply reply, ReplyOutcome outcome, DateTime now, CancellationToken cancellationToken) =>
        reply.EnteredBy is null && outcome.Effects.Any(e => e is Enrol) &&
        await enrolments.ReachedAsync(db, ReplyEffects.Actor, now, cancellationToken);

    /// <summary>After a batch failed: each reply alone; one that still fails is set aside for a person, not retried forever.</summary>
    async Task<int> InterpretAloneAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            return await InterpretAsync([id], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Reply {ReplyId} could not be interpreted; kept as unhandled", id);
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            using var turn = await writers.TakeTurnAsync(cancellationToken);
            return await db.Replies.Where(r => r.Id == id && r.InterpretedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.InterpretedAt, time.GetUtcNow().UtcDateTime)
                .SetProperty(r => r.Unhandled, true)
                .SetProperty(r => r.Meaning, "could not be interpreted: " + e.GetType().Name), cancellationToken);
        }
    }
}
