using System.Globalization;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Replies;
using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Deliveries;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Replies;

/// <summary>One reply and the citizen it came from, and what to do about it.</summary>
sealed class Conversation(EvacuationDb db, SenderIndex senders, RowsToInsert rows, Reply reply, DateTime now, TimeSpan giveUpAfter, CrossingAssignment places, Signature signature)
{
    public DateTime Now => now;

    Citizen? citizen;

    long? ChatId => SenderIndex.ChatOf(reply);

    /// <summary>Among the batch's <see cref="SenderIndex"/>, which include those enrolled by an earlier reply of the batch.</summary>
    public void FindCitizen()
    {
        citizen = senders.Of(reply);
        reply.CitizenId = citizen?.Id;
    }

    public async Task ActAsync(CancellationToken cancellationToken)
    {
        switch (reply.Kind)
        {
            case InboundKind.Ignored:
                return;
            case InboundKind.Blocked:
                if (citizen is not null)
                {
                    citizen.TelegramUnreachable = true;
                    citizen.UpdatedAt = now;
                    Event(CitizenEventKind.DeliveryChanged, "Telegram: the citizen blocked the bot");
                }
                reply.Meaning = "Blocked";
                return;
            case InboundKind.Contact:
                await EnrolByContactAsync(cancellationToken);
                return;
            case InboundKind.Location:
                await ProofOfArrivalAsync(cancellationToken);
                ShareLocation();
                return;
        }
        var text = reply.Kind == InboundKind.Button ? ButtonText(reply.Text) : reply.Text;
        if (reply.Channel == ChannelKind.Telegram && StartCommand.Read(text) is { } start)
        {
            await StartAsync(start.Token, cancellationToken);
            return;
        }
        var meaning = reply.Kind == InboundKind.Button && reply.Text.StartsWith(Keyboards.LanguagePrefix, StringComparison.Ordinal)
            ? new ReplyMeaning(ReplyKind.Language, Language: Language.TryParse(reply.Text[Keyboards.LanguagePrefix.Length..], out var code) ? code : null)
            : ReplyParser.Parse(text);
        reply.Meaning = meaning.ToString();
        if (citizen is null)
        {
            await UnknownSenderAsync(meaning);
            return;
        }
        await ProofOfArrivalAsync(cancellationToken);
        Event(CitizenEventKind.ReplyReceived, $"{reply.Channel}: \"{Shorten(reply.Text)}\" → {meaning}");
        Apply(meaning);
    }

    /// <summary>"reply:2" → "2"; other button data is read as typed text.</summary>
    static string ButtonText(string data) => Evacuation.Channels.Telegram.ReplyButtons.CodeOf(data) is { } code ? code.ToString(CultureInfo.InvariantCulture) : data;

    void Apply(ReplyMeaning meaning)
    {
        var c = citizen!;
        switch (meaning.Kind)
        {
            case ReplyKind.Status:
                var status = meaning.Status!.Value;
                if (c.Status != status)
                {
                    Event(CitizenEventKind.StatusChanged, $"{c.Status} → {status} by {reply.Channel} reply \"{Shorten(reply.Text)}\"");
                    c.Status = status;
                }
                // Any reply takes the citizen off the reminder escalation; a call for help puts them on the call list at once.
                c.RemindersSent = 0;
                c.EscalatedAt = status == JourneyStatus.NeedsHelp ? now : null;
                if (status == JourneyStatus.NeedsHelp)
                {
                    Event(CitizenEventKind.Escalated, "asked for help: on the call list");
                }
                Answer(Acknowledgements.For(meaning, c.Language, signature));
                break;
            case ReplyKind.Route:
                AnswerRoute();
                break;
            case ReplyKind.Stop:
                if (!c.OptedOut)
                {
                    c.OptedOut = true;
                    Event(CitizenEventKind.OptedOut, $"by {reply.Channel} reply");
                }
                Answer(Acknowledgements.For(meaning, c.Language), evenWhenOptedOut: true);
                break;
            case ReplyKind.Start:
                if (c.OptedOut || (reply.Channel == ChannelKind.Sms && c.SmsUnreachable))
                {
                    c.OptedOut = false;
                    // START at the carrier lifts Twilio's block (error 21610) too.
                    if (reply.Channel == ChannelKind.Sms)
                    {
                        c.SmsUnreachable = false;
                    }
                    Event(CitizenEventKind.OptedIn, $"by {reply.Channel} reply");
                }
                Answer(Acknowledgements.For(meaning, c.Language));
                break;
            case ReplyKind.Language:
                if (meaning.Language is { } language && language != c.Language)
                {
                    Event(CitizenEventKind.Updated, $"language {c.Language} → {language}");
                    c.Language = language;
                }
                Answer(Acknowledgements.For(meaning, c.Language), keyboard: meaning.Language is null ? Keyboards.Language : null);
                if (meaning.Language is not null && reply.Kind == InboundKind.Button && c.Latitude is null && c.AssignedCrossing is null)
                {
                    // Enrolment's last question: where are you?
                    var (question, button) = RouteAnswer.AskForLocation(c.Language);
                    Answer(question, keyboard: button);
                }
                break;
            case ReplyKind.Join:
                Answer(Acknowledgements.For(meaning, c.Language));
                break;
            default:
                reply.Unhandled = true;
                Answer(Acknowledgements.For(meaning, c.Language) + "\n" + ReplyCodeLine.For(c.Language));
                break;
        }
        c.UpdatedAt = now;
    }

    async Task UnknownSenderAsync(ReplyMeaning meaning)
    {
        if (reply.Channel == ChannelKind.Sms && meaning.Kind == ReplyKind.Join && reply.From.StartsWith('+'))
        {
            citizen = NewCitizen(phone: reply.From, chatId: null);
            reply.CitizenId = citizen.Id;
            Answer(Acknowledgements.For(meaning, citizen.Language) + "\n" + ReplyCodeLine.For(citizen.Language));
            return;
        }
        reply.Unhandled = true;
        reply.Meaning = "unknown sender: " + meaning;
        if (reply.Channel == ChannelKind.Telegram && ChatId is not null)
        {
            // A stranger in a private chat: ask for the phone number, which finds or creates their record.
            await AskForContactAsync();
        }
    }

    async Task StartAsync(string? token, CancellationToken cancellationToken)
    {
        reply.Meaning = "Start command";
        if (citizen is null && token is not null)
        {
            var invited = await db.Citizens.SingleOrDefaultAsync(c => c.InviteToken == token, cancellationToken);
            if (invited is not null && invited.TelegramChatId is null)
            {
                citizen = invited;
                citizen.TelegramChatId = ChatId;
                citizen.TelegramUnreachable = false;
                citizen.UpdatedAt = now;
                reply.CitizenId = citizen.Id;
                senders.Add(citizen);
                Event(CitizenEventKind.Updated, "Telegram chat linked by invitation link");
            }
        }
        if (citizen is null)
        {
            await AskForContactAsync();
            return;
        }
        Answer(Acknowledgements.For(new ReplyMeaning(ReplyKind.Language), citizen.Language), keyboard: Keyboards.Language);
    }

    Task AskForContactAsync()
    {
        // No record yet: the question goes to the chat with no citizen behind it (the delivery's citizen id is empty).
        var stranger = new Citizen { Id = Guid.Empty, TelegramChatId = ChatId };
        Answers.Queue(rows, stranger, ChannelKind.Telegram, ContactQuestion.Text, now, giveUpAfter, Keyboards.Contact);
        return Task.CompletedTask;
    }

    async Task EnrolByContactAsync(CancellationToken cancellationToken)
    {
        var phone = reply.ContactPhone;
        reply.Meaning = "Contact shared";
        if (phone is null || !PhoneNumber.TryNormalize(phone, "UA", out var e164, out _))
        {
            reply.Unhandled = true;
            return;
        }
        // The batch's senders first: someone enrolled earlier in this batch is not saved yet.
        var byPhone = senders.WithPhone(e164)
            ?? await db.Citizens.SingleOrDefaultAsync(c => c.Phone == e164, cancellationToken);
        if (citizen is null && byPhone is not null && byPhone.TelegramChatId is null)
        {
            citizen = byPhone;
            citizen.TelegramChatId = ChatId;
            citizen.TelegramUnreachable = false;
            Event(CitizenEventKind.Updated, "Telegram chat linked by shared phone number");
        }
        else if (citizen is null && byPhone is null)
        {
            citizen = NewCitizen(phone: e164, chatId: ChatId);
        }
        else if (citizen is not null && citizen.Phone is null && byPhone is null)
        {
            citizen.Phone = e164;
            Event(CitizenEventKind.Updated, "phone number added from Telegram contact");
        }
        if (citizen is null)
        {
            // The phone belongs to someone already linked to another chat: a person must look.
            reply.Unhandled = true;
            reply.Meaning = "contact matches a citizen linked to another chat";
            return;
        }
        citizen.UpdatedAt = now;
        reply.CitizenId = citizen.Id;
        senders.Add(citizen);
        Answer(Acknowledgements.For(new ReplyMeaning(ReplyKind.Language), citizen.Language), keyboard: Keyboards.Language);
    }

    Citizen NewCitizen(string? phone, long? chatId)
    {
        var created = new Citizen
        {
            Name = "",
            Phone = phone,
            TelegramChatId = chatId,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = "citizen",
        };
        db.Citizens.Add(created);
        senders.Add(created);
        rows.Events.Add(new CitizenEvent { CitizenId = created.Id, At = now, Kind = CitizenEventKind.Created, Actor = "citizen", Detail = $"enrolled by {reply.Channel}" });
        return created;
    }

    void ShareLocation()
    {
        reply.Meaning = "Location";
        if (citizen is null)
        {
            reply.Unhandled = true;
            reply.Meaning = "location from an unknown chat";
            return;
        }
        citizen.Latitude = reply.Latitude;
        citizen.Longitude = reply.Longitude;
        citizen.UpdatedAt = now;
        Event(CitizenEventKind.ReplyReceived, "Telegram: shared a location");
        AnswerRoute();
    }

    /// <summary>
    /// Re-assigns the nearest open crossing from the citizen's location or region and answers with the route; or, when
    /// we cannot place them, how to tell us where they are; or, when every crossing is closed, to wait.
    /// </summary>
    void AnswerRoute()
    {
        var c = citizen!;
        var from = places.OriginOf(c);
        var crossing = from is { } origin ? places.Choose(origin.Point) : null;
        if (crossing is not null && c.AssignedCrossing != crossing.Id)
        {
            Event(CitizenEventKind.CrossingAssigned, $"{c.AssignedCrossing ?? "none"} → {crossing.Id}");
            c.AssignedCrossing = crossing.Id;
            c.AssignedCrossingAt = now;
        }
        var (text, keyboard) = RouteAnswer.For(crossing, from, c.Language, reply.Channel == ChannelKind.Telegram, signature, now);
        Answer(text, keyboard);
    }

    /// <summary>Telegram has no delivery receipts: a reply proves our last message reached the chat (CONTRACT.md section 3).</summary>
    async Task ProofOfArrivalAsync(CancellationToken cancellationToken)
    {
        if (citizen is null || reply.Channel != ChannelKind.Telegram)
        {
            return;
        }
        var id = citizen.Id;
        var last = await db.Deliveries
            .Where(d => d.CitizenId == id && d.Channel == ChannelKind.Telegram && d.State == DeliveryState.Sent)
            .OrderByDescending(d => d.SentAt).FirstOrDefaultAsync(cancellationToken);
        if (last is not null)
        {
            last.State = DeliveryState.Delivered;
            last.DeliveredAt = now;
        }
    }

    void Answer(string text, string? keyboard = null, bool evenWhenOptedOut = false)
    {
        var c = citizen!;
        if (c.OptedOut && !evenWhenOptedOut)
        {
            return;
        }
        // Twilio answers its standard English opt-out and opt-in words itself, and blocks our messages after STOP:
        // https://help.twilio.com/articles/223134027-Twilio-support-for-opt-out-keywords-SMS-STOP-filtering-
        if (reply.Channel == ChannelKind.Sms && TwilioKeywords.Contains(reply.Text.Trim().ToUpperInvariant()))
        {
            return;
        }
        Answer(c, reply.Channel, text, keyboard);
    }

    void Answer(Citizen to, ChannelKind channel, string text, string? keyboard) =>
        Answers.Queue(rows, to, channel, text, now, giveUpAfter, channel == ChannelKind.Telegram ? keyboard : null);

    static readonly HashSet<string> TwilioKeywords = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "START", "YES", "UNSTOP"];

    void Event(CitizenEventKind kind, string detail)
    {
        if (citizen is null)
        {
            return;
        }
        rows.Events.Add(new CitizenEvent { CitizenId = citizen.Id, At = now, Kind = kind, Actor = "citizen", Detail = detail });
    }

    static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
