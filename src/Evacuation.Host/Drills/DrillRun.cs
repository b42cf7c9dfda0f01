using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Drills;
using Evacuation.Core.Replies;
using Evacuation.Data;
using Evacuation.Host.Deliveries;
using Evacuation.Host.Replies;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Drills;

/// <summary>
/// Plays one drill's plan on the service's clock: each simulated answer is handed to the reply inbox exactly as a
/// webhook's would be (stored as a reply on the citizen's channel, interpreted, acknowledged through the sandbox),
/// reminder rounds go out as broadcasts, the silent go on the call list near the end, and a crossing closes halfway
/// when asked.
/// </summary>
public sealed class DrillRun(
    IDbContextFactory<EvacuationDb> databases,
    ReplyInbox inbox,
    DrillClosure closure,
    DeliveryPulse pulse,
    TimeProvider time,
    ILogger<DrillRun> logger)
{
    /// <summary>How a drill's replies are keyed, so cleaning finds even one stored after its citizen was removed.</summary>
    public const string KeyPrefix = "drill-";

    public async Task PlayAsync(Drill drill, DrillPlan plan, IReadOnlyList<Citizen> citizens, TimeSpan giveUpAfter, CancellationToken cancellationToken)
    {
        var byId = citizens.ToDictionary(c => c.Id);
        var start = drill.StartedAt;
        var steps = new List<(TimeSpan At, Func<Task>? Do, int? Answer)>();
        steps.AddRange(plan.Answers.Select((a, n) => (a.At, (Func<Task>?)null, (int?)n)));
        foreach (var at in plan.ReminderRounds)
        {
            steps.Add((at, () => RemindAsync(drill, giveUpAfter, cancellationToken), null));
        }
        steps.Add((plan.EscalateAt, () => EscalateAsync(drill, cancellationToken), null));
        if (plan.CrossingClosesAt is { } closeAt)
        {
            steps.Add((closeAt, () => closure.CloseAsync(drill, cancellationToken), null));
        }
        steps = [.. steps.OrderBy(s => s.At)];
        var next = 0;
        while (next < steps.Count)
        {
            await DrillClock.UntilAsync(time, start + steps[next].At, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var due = new List<DrillAnswer>();
            for (; next < steps.Count && start + steps[next].At <= now; next++)
            {
                if (steps[next].Answer is { } n)
                {
                    due.Add(plan.Answers[n]);
                    continue;
                }
                var answers = due.ToList();
                due.Clear();
                await RetryAsync(() => AnswerAsync(drill, answers, byId, cancellationToken), cancellationToken);
                await RetryAsync(steps[next].Do!, cancellationToken);
            }
            await RetryAsync(() => AnswerAsync(drill, due, byId, cancellationToken), cancellationToken);
        }
        await DrillClock.UntilAsync(time, drill.EndsAt, cancellationToken);
        await FinishAsync(drill, cancellationToken);
    }

    /// <summary>
    /// A step that lost a race for rows (PostgreSQL picks one of two transactions that wait for each other to fail, as
    /// when replies are interpreted while a reminder round or a closure writes the same citizens) is tried again. Each
    /// step is one transaction, or answers keyed so that a repeat is stored once.
    /// </summary>
    public async Task<T> RetryAsync<T>(Func<Task<T>> step, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step();
            }
            catch (Exception e) when (attempt < 3 && !cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
            {
                logger.LogWarning("A drill step failed ({Error}); trying again", e.GetType().Name);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    Task RetryAsync(Func<Task> step, CancellationToken cancellationToken) =>
        RetryAsync(async () => { await step(); return true; }, cancellationToken);

    /// <summary>Hands the answers to the inbox together (it stores concurrent ones in one transaction), then counts them.</summary>
    async Task AnswerAsync(Drill drill, List<DrillAnswer> answers, Dictionary<Guid, Citizen> citizens, CancellationToken cancellationToken)
    {
        if (answers.Count == 0)
        {
            return;
        }
        // Not cancelled midway: once handed over, the inbox stores them anyway, so a stop waits until they are stored.
        await Task.WhenAll(answers.Select(a => inbox.AcceptAsync(MessageOf(a, citizens[a.CitizenId]), CancellationToken.None)));
        drill.AnswersSent += answers.Count;
        answers.Clear();
        await UpdateAsync(drill.Id, s => s.SetProperty(d => d.AnswersSent, drill.AnswersSent), cancellationToken);
    }

    /// <summary>As the citizen would send it: by Telegram when they have it, else by SMS; keyed so a repeat is one reply.</summary>
    static InboundMessage MessageOf(DrillAnswer answer, Citizen citizen)
    {
        var telegram = citizen.TelegramChatId is not null;
        var key = $"{KeyPrefix}{answer.CitizenId:N}-{(int)answer.Meaning}"; // a drill citizen's id is new with each drill; 64 characters at most

        return new InboundMessage(telegram ? ChannelKind.Telegram : ChannelKind.Sms, key, InboundKind.Text)
        {
            ChatId = telegram ? citizen.TelegramChatId : null,
            Phone = telegram ? null : citizen.Phone,
            Text = answer.Text,
        };
    }

    /// <summary>A reminder round: the built-in reminder (route restated) to the drill's citizens who have not answered.</summary>
    async Task RemindAsync(Drill drill, TimeSpan giveUpAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var waiting = db.Citizens.Where(c => c.DrillId == drill.Id && c.Status == JourneyStatus.Unconfirmed && c.EscalatedAt == null && !c.OptedOut);
        var count = await waiting.CountAsync(cancellationToken);
        drill.ReminderRounds++;
        if (count > 0)
        {
            db.Broadcasts.Add(new Broadcast
            {
                Kind = BroadcastKind.RouteInstructions,
                TextsJson = JsonSerializer.Serialize(Language.All.ToDictionary(l => l, l => BuiltInTemplates.Text(BuiltInTemplate.Reminder, l, hasCrossing: true))),
                AudienceJson = JsonSerializer.Serialize(new Audience([JourneyStatus.Unconfirmed], [], []) { Drill = true }),
                Channels = ChannelPolicy.Preferred,
                State = BroadcastState.Queued,
                CreatedBy = DrillSeeding.Author,
                CreatedAt = now,
                SendAt = now,
                ExpiresAt = now + giveUpAfter,
                Recipients = count,
            });
            await db.SaveChangesAsync(cancellationToken);
            pulse.Pulse();
        }
        await UpdateAsync(drill.Id, s => s.SetProperty(d => d.ReminderRounds, drill.ReminderRounds), cancellationToken);
    }

    /// <summary>Those who answered no reminder go on the call list, as the reminder sweep does after its last reminder.</summary>
    async Task EscalateAsync(Drill drill, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var silent = await db.Citizens.Where(c => c.DrillId == drill.Id && c.Status == JourneyStatus.Unconfirmed && c.EscalatedAt == null)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        await db.Citizens.Where(c => silent.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.EscalatedAt, now), cancellationToken);
        db.CitizenEvents.AddRange(silent.Select(id => new CitizenEvent
        {
            CitizenId = id,
            At = now,
            Kind = CitizenEventKind.Escalated,
            Actor = DrillSeeding.Author,
            Detail = $"no answer after the drill's {drill.ReminderRounds} reminders: on the call list",
        }));
        await db.SaveChangesAsync(cancellationToken);
        await db.Drills.Where(d => d.Id == drill.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Escalated, silent.Count), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        drill.Escalated = silent.Count;
    }

    async Task FinishAsync(Drill drill, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await UpdateAsync(drill.Id, s => s.SetProperty(d => d.State, DrillState.Finished).SetProperty(d => d.FinishedAt, now), cancellationToken);
        drill.State = DrillState.Finished;
        logger.LogInformation("Drill {DrillId} finished: {Answers} answers given, {Rounds} reminder rounds, {Escalated} put on the call list",
            drill.Id, drill.AnswersSent, drill.ReminderRounds, drill.Escalated);
    }

    async Task UpdateAsync(
        Guid id,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Drill>> set,
        CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Drills.Where(d => d.Id == id).ExecuteUpdateAsync(set, cancellationToken);
    }
}
