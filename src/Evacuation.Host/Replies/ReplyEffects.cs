using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Replies;
using Evacuation.Data;
using Evacuation.Host.Cases;
using Evacuation.Host.Deliveries;
using Evacuation.Host.Limits;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Replies;

/// <summary>
/// Applies what <see cref="ReplyDecision"/> decided for one reply: the citizen's record (tracked by
/// <paramref name="db"/>, saved by the caller), their timeline and the answers (collected in <paramref name="rows"/> for
/// one bulk insert), and the reply row itself (meaning, unhandled, whose it is).
/// </summary>
sealed class ReplyEffects(EvacuationDb db, SenderIndex senders, RowsToInsert rows, HelpCases cases, Reply reply, DateTime now, AnswerBudget answers, StrangerAnswers strangers)
{
    /// <summary>The <see cref="CitizenEvent.Actor"/> of what citizens do themselves, and the creator of those who enrol.</summary>
    public const string Actor = "citizen";

    /// <summary>
    /// Who the timeline says did it: the citizen, or, for a reply typed in through the sandbox, the operator key that
    /// did, so nobody reads an operator's rehearsal as the citizen's own word.
    /// </summary>
    string Author => reply.EnteredBy is { } name ? Clip("entered by operator " + name) : Actor;

    static string Clip(string actor) => Core.Texts.Shortened.To(actor, 100);

    Citizen? citizen;
    bool touched;
    bool unknownSender;

    public async Task ApplyAsync(ReplyOutcome outcome, Citizen? sender, CancellationToken cancellationToken)
    {
        citizen = sender;
        unknownSender = sender is null;
        foreach (var effect in outcome.Effects)
        {
            if (!ChangeCitizen(effect))
            {
                await ActAsync(effect, cancellationToken);
            }
        }
        if (touched && citizen is not null)
        {
            citizen.UpdatedAt = now;
        }
        reply.CitizenId = citizen?.Id;
        if (outcome.Meaning is not null)
        {
            reply.Meaning = outcome.Meaning;
        }
        reply.Unhandled |= outcome.Unhandled;
    }

    /// <summary>False for the effects that are not changes to the citizen's record.</summary>
    bool ChangeCitizen(ReplyEffect effect)
    {
        switch (effect)
        {
            case Enrol enrol:
                Enrol(enrol);
                break;
            case LinkChat link:
                citizen = link.Citizen;
                citizen.TelegramChatId = link.TelegramChatId;
                citizen.TelegramUnreachable = false;
                senders.Add(citizen);
                break;
            case SetPhone phone:
                citizen!.Phone = phone.Phone;
                senders.Add(citizen);
                break;
            case SetLocation location:
                (citizen!.Latitude, citizen.Longitude) = (location.Latitude, location.Longitude);
                break;
            case SetStatus status:
                citizen!.Status = status.Status;
                break;
            case ResetReminders reset:
                citizen!.RemindersSent = 0;
                citizen.EscalatedAt = reset.Escalate ? now : null;
                break;
            case SetOptedOut optedOut:
                citizen!.OptedOut = optedOut.OptedOut;
                break;
            case SetLanguage language:
                citizen!.Language = language.Language;
                break;
            case AssignCrossing crossing:
                (citizen!.AssignedCrossing, citizen.AssignedCrossingAt) = (crossing.CrossingId, now);
                break;
            case MarkTelegramUnreachable:
                citizen!.TelegramUnreachable = true;
                break;
            case MarkSmsReachable:
                citizen!.SmsUnreachable = false;
                break;
            case Note note:
                rows.Events.Add(new CitizenEvent { CitizenId = citizen!.Id, At = now, Kind = note.Kind, Actor = Author, Detail = note.Detail });
                break;
            default:
                return false;
        }
        touched = true;
        return true;
    }

    async Task ActAsync(ReplyEffect effect, CancellationToken cancellationToken)
    {
        switch (effect)
        {
            case Answer when reply.Channel == ChannelKind.Web:
                // The check-in page is its own answer: it shows the acknowledgement to the citizen who pressed.
            case Answer or AskForContact when unknownSender && !strangers.TryAnswer(reply.Channel, reply.From, now):
                // Stored, not answered: a stranger is answered once per StrangerAnswers.Interval (counted and logged there).
                break;
            case Answer or AskForContact when !answers.TryTake($"{reply.Channel}:{reply.From}"):
                // Stored and acted on, not answered: the sender had this hour's answers (Limits:AnswersPerSenderPerHour).
                break;
            case Answer answer:
                await Answers.ReplaceUnsentAsync(db, Answers.Queue(rows, citizen!, reply.Channel, answer.Text, now, answer.Keyboard), cancellationToken);
                break;
            case AskForContact:
                // No record yet: the question goes to the chat with no citizen behind it (the delivery's citizen id is empty).
                var stranger = new Citizen { Id = Guid.Empty, TelegramChatId = reply.ChatId };
                await Answers.ReplaceUnsentAsync(db, Answers.Queue(rows, stranger, ChannelKind.Telegram, ContactQuestion.Text, now, Keyboards.Contact), cancellationToken);
                break;
            case ConfirmDelivery:
                await ConfirmLastTelegramMessageAsync(cancellationToken);
                break;
            case OpenHelpCase help:
                await cases.OpenAsync(citizen, reply, help.Said, now, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"No way to apply {effect.GetType().Name}.");
        }
    }

    void Enrol(Enrol enrol)
    {
        citizen = new Citizen
        {
            Name = "",
            Phone = enrol.Phone,
            TelegramChatId = enrol.TelegramChatId,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = Author,
        };
        db.Citizens.Add(citizen);
        senders.Add(citizen);
    }

    async Task ConfirmLastTelegramMessageAsync(CancellationToken cancellationToken)
    {
        var id = citizen!.Id;
        var last = await db.Deliveries
            .Where(d => d.CitizenId == id && d.Channel == ChannelKind.Telegram && d.State == DeliveryState.Sent)
            .OrderByDescending(d => d.SentAt).FirstOrDefaultAsync(cancellationToken);
        if (last is not null)
        {
            last.State = DeliveryState.Delivered;
            last.DeliveredAt = now;
        }
    }
}
