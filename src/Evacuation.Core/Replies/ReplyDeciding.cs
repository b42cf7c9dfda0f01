using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Routes;

namespace Evacuation.Core.Replies;

/// <summary>
/// One run of <see cref="ReplyDecision.Decide"/>: walks the reply, collecting effects, and keeps its own copy of the
/// sender as the effects so far would leave them (an opt-in answered once opted in, a route from the location just
/// shared). The citizen objects it is given are never changed.
/// </summary>
sealed class ReplyDeciding(ReplyDecision rules, Reply reply, ReplyFacts facts, DateTime now)
{
    // Twilio answers its standard English opt-out and opt-in words itself, and blocks our messages after STOP:
    // https://help.twilio.com/articles/223134027-Twilio-support-for-opt-out-keywords-SMS-STOP-filtering-
    static readonly HashSet<string> TwilioKeywords = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "START", "YES", "UNSTOP"];

    readonly List<ReplyEffect> effects = [];
    SenderState? sender = facts.Sender is { } known ? SenderState.Of(known) : null;
    string? meaning;
    bool unhandled;

    public ReplyOutcome Run()
    {
        switch (reply.Kind)
        {
            case InboundKind.Ignored:
                break;
            case InboundKind.Blocked:
                Blocked();
                break;
            case InboundKind.Contact:
                Contact();
                break;
            case InboundKind.Location:
                Location();
                break;
            default:
                Message();
                break;
        }
        return new ReplyOutcome(meaning, unhandled, effects);
    }

    void Blocked()
    {
        if (sender is not null)
        {
            effects.Add(new MarkTelegramUnreachable());
            Note(CitizenEventKind.DeliveryChanged, "Telegram: the citizen blocked the bot");
        }
        meaning = "Blocked";
    }

    /// <summary>A shared phone number links the chat to the registry record with that phone, or enrols a new citizen.</summary>
    void Contact()
    {
        meaning = "Contact shared";
        if (rules.SharedPhone(reply) is not { } phone)
        {
            unhandled = true;
            return;
        }
        var holder = facts.PhoneHolder;
        if (sender is null && holder is { TelegramChatId: null })
        {
            Link(holder, "Telegram chat linked by shared phone number");
        }
        else if (sender is null && holder is null)
        {
            Enrol(phone, reply.ChatId);
        }
        else if (sender is { Phone: null } && holder is null)
        {
            effects.Add(new SetPhone(phone));
            sender = sender with { Phone = phone };
            Note(CitizenEventKind.Updated, "phone number added from Telegram contact");
        }
        if (sender is null)
        {
            // The phone belongs to someone already linked to another chat: a person must look.
            unhandled = true;
            meaning = "contact matches a citizen linked to another chat";
            return;
        }
        Answer(Acknowledge(ReplyKind.Language), Keyboards.Language);
    }

    void Location()
    {
        ConfirmDelivery();
        meaning = "Location";
        if (sender is null)
        {
            unhandled = true;
            meaning = "location from an unknown chat";
            return;
        }
        effects.Add(new SetLocation(reply.Latitude, reply.Longitude));
        sender = sender with { Latitude = reply.Latitude, Longitude = reply.Longitude };
        Note(CitizenEventKind.ReplyReceived, $"{reply.Channel}: shared a location");
        AnswerRoute();
    }

    /// <summary>Typed text or a pressed button: /start, a language button, or words and codes for the parser.</summary>
    void Message()
    {
        var text = ReplyDecision.TextOf(reply);
        if (reply.Channel == ChannelKind.Telegram && StartCommand.Read(text) is { } start)
        {
            Start(start.Token);
            return;
        }
        var parsed = reply.Kind == InboundKind.Button && reply.Text.StartsWith(Keyboards.LanguagePrefix, StringComparison.Ordinal)
            ? new ReplyMeaning(ReplyKind.Language, Language: Language.TryParse(reply.Text[Keyboards.LanguagePrefix.Length..], out var code) ? code : null)
            : ReplyParser.Parse(text);
        meaning = parsed.ToString();
        if (parsed.Status == JourneyStatus.NeedsHelp)
        {
            effects.Add(new OpenHelpCase(reply.Kind == InboundKind.Button ? $"pressed {text}" : $"\"{Shorten(text)}\""));
        }
        if (sender is null)
        {
            Stranger(parsed);
            return;
        }
        ConfirmDelivery();
        Note(CitizenEventKind.ReplyReceived, $"{reply.Channel}: \"{Shorten(reply.Text)}\" → {parsed}");
        Understood(parsed);
    }

    void Start(string? token)
    {
        meaning = "Start command";
        if (sender is null && token is not null && facts.Invited is { TelegramChatId: null } invited)
        {
            Link(invited, "Telegram chat linked by invitation link");
        }
        if (sender is null)
        {
            effects.Add(new AskForContact());
            return;
        }
        Answer(Acknowledge(ReplyKind.Language), Keyboards.Language);
    }

    /// <summary>Someone the registry does not know: JOIN by SMS enrols them; a Telegram chat is asked for its phone number.</summary>
    void Stranger(ReplyMeaning parsed)
    {
        if (reply.Channel == ChannelKind.Sms && parsed.Kind == ReplyKind.Join && reply.From.StartsWith('+'))
        {
            Enrol(reply.From, null);
            Answer(Acknowledge(parsed) + "\n" + ReplyCodeLine.For(sender!.Language));
            return;
        }
        unhandled = true;
        meaning = "unknown sender: " + parsed;
        if (reply.Channel == ChannelKind.Telegram && reply.ChatId is not null)
        {
            effects.Add(new AskForContact());
        }
    }

    void Understood(ReplyMeaning parsed)
    {
        switch (parsed.Kind)
        {
            case ReplyKind.Status:
                NewStatus(parsed.Status!.Value, parsed);
                break;
            case ReplyKind.Route:
                AnswerRoute();
                break;
            case ReplyKind.Stop:
                OptOut(parsed);
                break;
            case ReplyKind.Start:
                OptIn(parsed);
                break;
            case ReplyKind.Language:
                NewLanguage(parsed);
                break;
            case ReplyKind.Join:
                Answer(Acknowledge(parsed));
                break;
            default:
                unhandled = true;
                Answer(Acknowledge(parsed) + "\n" + ReplyCodeLine.For(sender!.Language));
                break;
        }
    }

    void NewStatus(JourneyStatus status, ReplyMeaning parsed)
    {
        if (sender!.Status != status)
        {
            Note(CitizenEventKind.StatusChanged, $"{sender.Status} → {status} by {reply.Channel} reply \"{Shorten(reply.Text)}\"");
            effects.Add(new SetStatus(status));
            sender = sender with { Status = status };
        }
        // Any status reply takes the citizen off the reminder escalation; a call for help puts them on the call list at once.
        effects.Add(new ResetReminders(Escalate: status == JourneyStatus.NeedsHelp));
        if (status == JourneyStatus.NeedsHelp)
        {
            Note(CitizenEventKind.Escalated, "asked for help: on the call list");
        }
        Answer(Acknowledgements.For(parsed, sender.Language, rules.Signature));
    }

    void OptOut(ReplyMeaning parsed)
    {
        if (!sender!.OptedOut)
        {
            effects.Add(new SetOptedOut(true));
            sender = sender with { OptedOut = true };
            Note(CitizenEventKind.OptedOut, $"by {reply.Channel} reply");
        }
        // The one answer an opted-out citizen gets: the confirmation that they will hear no more.
        Answer(Acknowledge(parsed), evenWhenOptedOut: true);
    }

    void OptIn(ReplyMeaning parsed)
    {
        var sms = reply.Channel == ChannelKind.Sms;
        if (sender!.OptedOut || (sms && sender.SmsUnreachable))
        {
            effects.Add(new SetOptedOut(false));
            sender = sender with { OptedOut = false };
            if (sms)
            {
                effects.Add(new MarkSmsReachable());
            }
            Note(CitizenEventKind.OptedIn, $"by {reply.Channel} reply");
        }
        Answer(Acknowledge(parsed));
    }

    void NewLanguage(ReplyMeaning parsed)
    {
        if (parsed.Language is { } language && language != sender!.Language)
        {
            Note(CitizenEventKind.Updated, $"language {sender.Language} → {language}");
            effects.Add(new SetLanguage(language));
            sender = sender with { Language = language };
        }
        Answer(Acknowledge(parsed), keyboard: parsed.Language is null ? Keyboards.Language : null);
        if (parsed.Language is not null && reply.Kind == InboundKind.Button && sender!.Latitude is null && sender.AssignedCrossing is null)
        {
            // Enrolment's last question: where are you?
            var (question, button) = RouteAnswer.AskForLocation(sender.Language);
            Answer(question, button);
        }
    }

    /// <summary>
    /// The nearest open crossing from the sender's location or region (assigned when it changed) and the route to it;
    /// or, when we cannot place them, how to tell us where they are; or, when every crossing is closed, to wait.
    /// </summary>
    void AnswerRoute()
    {
        var s = sender!;
        var from = rules.Places.OriginOf(s.Latitude, s.Longitude, s.Region);
        var crossing = from is { } origin ? rules.Places.Choose(origin.Point) : null;
        if (crossing is not null && s.AssignedCrossing != crossing.Id)
        {
            Note(CitizenEventKind.CrossingAssigned, $"{s.AssignedCrossing ?? "none"} → {crossing.Id}");
            effects.Add(new AssignCrossing(crossing.Id));
            sender = s with { AssignedCrossing = crossing.Id };
        }
        var (text, keyboard) = RouteAnswer.For(crossing, from, s.Language, reply.Channel == ChannelKind.Telegram, rules.Signature, now);
        Answer(text, keyboard);
    }

    void Link(Citizen citizen, string how)
    {
        effects.Add(new LinkChat(citizen, reply.ChatId));
        sender = SenderState.Of(citizen);
        Note(CitizenEventKind.Updated, how);
    }

    void Enrol(string? phone, long? chat)
    {
        effects.Add(new Enrol(phone, chat));
        sender = SenderState.Of(new Citizen { Phone = phone, TelegramChatId = chat });
        Note(CitizenEventKind.Created, $"enrolled by {reply.Channel}");
    }

    void ConfirmDelivery()
    {
        if (sender is not null && reply.Channel == ChannelKind.Telegram)
        {
            effects.Add(new ConfirmDelivery());
        }
    }

    void Answer(string text, string? keyboard = null, bool evenWhenOptedOut = false)
    {
        if (sender!.OptedOut && !evenWhenOptedOut)
        {
            return;
        }
        if (reply.Channel == ChannelKind.Sms && TwilioKeywords.Contains(reply.Text.Trim().ToUpperInvariant()))
        {
            return;
        }
        effects.Add(new Answer(text, reply.Channel == ChannelKind.Telegram ? keyboard : null));
    }

    void Note(CitizenEventKind kind, string detail)
    {
        if (sender is not null)
        {
            effects.Add(new Note(kind, detail));
        }
    }

    string Acknowledge(ReplyKind kind) => Acknowledge(new ReplyMeaning(kind));

    string Acknowledge(ReplyMeaning parsed) => Acknowledgements.For(parsed, sender!.Language);

    static string Shorten(string text) => Texts.Shortened.WithEllipsis(text, 200);

    /// <summary>The sender as the effects decided so far leave them: what later steps of the same reply read.</summary>
    sealed record SenderState(
        JourneyStatus Status, bool OptedOut, bool SmsUnreachable, string Language, string? Phone,
        double? Latitude, double? Longitude, string? Region, string? AssignedCrossing)
    {
        public static SenderState Of(Citizen c) =>
            new(c.Status, c.OptedOut, c.SmsUnreachable, c.Language, c.Phone, c.Latitude, c.Longitude, c.Region, c.AssignedCrossing);
    }
}
