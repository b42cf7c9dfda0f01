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
                await AnswerAsync(drill, due, byId, cancellationToken);
                due.Clear();
                await steps[next].Do!();
            }
            await AnswerAsync(drill, due, byId, cancellationToken);
        }
        await DrillClock.UntilAsync(time, drill.EndsAt, cancellationToken);
        await FinishAsync(drill, cancellationToken);
    }

    /// <summary>Hands the answers to the inbox together (it stores concurrent ones in one transaction), then counts them.</summary>
    async Task AnswerAsync(Drill drill, List<DrillAnswer> answers, Dictionary<Guid, Citizen> citizens, CancellationToken cancellationToken)
    {
        if (answers.Count == 0)
        {
            return;
        }
        await Task.WhenAll(answers.Select(a => inbox.AcceptAsync(MessageOf(drill, a, citizens[a.CitizenId]), cancellationToken)));
        drill.AnswersSent += answers.Count;
        await UpdateAsync(drill.Id, s => s.SetProperty(d => d.AnswersSent, drill.AnswersSent), cancellationToken);
    }

    /// <summary>As the citizen would send it: by Telegram when they have it, else by SMS; keyed so a repeat is one reply.</summary>
    static InboundMessage MessageOf(Drill drill, DrillAnswer answer, Citizen citizen)
    {
        var telegram = citizen.TelegramChatId is not null;
        var key = $"drill-{drill.Id:N}-{answer.CitizenId:N}-{answer.Meaning}";
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
                Deadline = now + giveUpAfter,
                Recipients = count,
            });
            await db.SaveChangesAsync(cancellationToken);
            await waiting.ExecuteUpdateAsync(s => s.SetProperty(c => c.RemindersSent, c => c.RemindersSent + 1).SetProperty(c => c.LastContactAt, now), cancellationToken);
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
