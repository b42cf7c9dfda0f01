using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Replies;

namespace Evacuation.Core.Tests.Replies;

/// <summary>The cases of <see cref="ReplyDecisionTests"/> about language, enrolment and updates that are not replies.</summary>
public sealed partial class ReplyDecisionTests
{
    const string NewPhone = "+380507777777";

    static IEnumerable<KeyValuePair<string, Func<Case>>> LanguageCases() =>
    [
        Row("LANG uk: the language changed, confirmed in Ukrainian", () =>
        {
            var reply = Sms("LANG uk");
            return new(reply, new(Known()), Outcome("Language uk",
                Received(reply, "Language uk"),
                new Note(CitizenEventKind.Updated, "language en → uk"),
                new SetLanguage(Language.Ukrainian),
                new Answer(AckLanguage(Language.Ukrainian))));
        }),
        Row("/lang alone: asked which, with the language buttons", () =>
        {
            var reply = Telegram("/lang");
            return new(reply, new(Known()), Outcome("Language",
                new ConfirmDelivery(),
                Received(reply, "Language"),
                new Answer(Ack(ReplyKind.Language), Keyboards.Language)));
        }),
        Row("a language button while enrolling: changed, then asked where they are", () =>
        {
            var reply = Telegram("lang:he", InboundKind.Button);
            return new(reply, new(Known()), Outcome("Language he",
                new ConfirmDelivery(),
                Received(reply, "Language he"),
                new Note(CitizenEventKind.Updated, "language en → he"),
                new SetLanguage(Language.Hebrew),
                new Answer(AckLanguage(Language.Hebrew)),
                new Answer(RouteAnswer.AskForLocation(Language.Hebrew).Text, Keyboards.Location)));
        }),
        Row("a language button from someone with a crossing: changed, no question after", () =>
        {
            var reply = Telegram("lang:ru", InboundKind.Button);
            return new(reply, new(Known(c => c.AssignedCrossing = "PL-KRAKOVETS")), Outcome("Language ru",
                new ConfirmDelivery(),
                Received(reply, "Language ru"),
                new Note(CitizenEventKind.Updated, "language en → ru"),
                new SetLanguage(Language.Russian),
                new Answer(AckLanguage(Language.Russian))));
        }),
    ];

    static IEnumerable<KeyValuePair<string, Func<Case>>> EnrolmentCases() =>
    [
        Row("JOIN by SMS from a stranger: enrolled, and sent the reply codes", () =>
            new(Sms("JOIN", from: NewPhone), new(null), Outcome("Join",
                new Enrol(NewPhone, null),
                new Note(CitizenEventKind.Created, "enrolled by Sms"),
                new Answer(Ack(ReplyKind.Join) + "\n" + ReplyCodeLine.For(Language.English))))),
        Row("JOIN by SMS from a registered citizen: acknowledged", () =>
        {
            var reply = Sms("JOIN");
            return new(reply, new(Known()), Outcome("Join", Received(reply, "Join"), new Answer(Ack(ReplyKind.Join))));
        }),
        Row("anything else by SMS from a stranger: unhandled, for a person to read", () =>
            new(Sms("1", from: NewPhone), new(null), Unhandled("unknown sender: Departed"))),
        Row("4 by SMS from a stranger: a case under their number, unhandled, for a person to call back", () =>
            new(Sms("4", from: NewPhone), new(null), Unhandled("unknown sender: NeedsHelp", new OpenHelpCase("\"4\"")))),
        Row("text from a Telegram chat nobody is known by: unhandled, and asked for the phone", () =>
            new(Telegram("hello"), new(null), Unhandled("unknown sender: Unknown", new AskForContact()))),
        Row("/start from a known chat: asked the language", () =>
            new(Telegram("/start"), new(Known()), Outcome("Start command", new Answer(Ack(ReplyKind.Language), Keyboards.Language)))),
        Row("/start from a stranger: asked for the phone", () =>
            new(Telegram("/start"), new(null), Outcome("Start command", new AskForContact()))),
        Row("/start TOKEN from a stranger: the chat linked to the invited citizen, who is asked the language", () =>
        {
            var invited = new Citizen { Phone = NewPhone, InviteToken = "abc_123" };
            return new(Telegram("/start abc_123"), new(null, Invited: invited), Outcome("Start command",
                new LinkChat(invited, Chat),
                new Note(CitizenEventKind.Updated, "Telegram chat linked by invitation link"),
                new Answer(Ack(ReplyKind.Language), Keyboards.Language)));
        }),
        Row("/start TOKEN of an invitation another chat took: asked for the phone", () =>
            new(Telegram("/start abc_123"), new(null, Invited: new Citizen { InviteToken = "abc_123", TelegramChatId = 999 }),
                Outcome("Start command", new AskForContact()))),
        Row("a contact from a stranger whose phone is registered: the chat linked to that citizen", () =>
        {
            var holder = new Citizen { Phone = NewPhone };
            return new(Contact(NewPhone), new(null, PhoneHolder: holder), Outcome("Contact shared",
                new LinkChat(holder, Chat),
                new Note(CitizenEventKind.Updated, "Telegram chat linked by shared phone number"),
                new Answer(Ack(ReplyKind.Language), Keyboards.Language)));
        }),
        Row("a contact from a stranger with a new phone: enrolled, and asked the language", () =>
            new(Contact(NewPhone), new(null), Outcome("Contact shared",
                new Enrol(NewPhone, Chat),
                new Note(CitizenEventKind.Created, "enrolled by Telegram"),
                new Answer(Ack(ReplyKind.Language), Keyboards.Language)))),
        Row("a contact without a country code: read in Citizens:DefaultRegion", () =>
            new(Contact("050 777 7777"), new(null), Outcome("Contact shared",
                new Enrol(NewPhone, Chat),
                new Note(CitizenEventKind.Created, "enrolled by Telegram"),
                new Answer(Ack(ReplyKind.Language), Keyboards.Language)))),
        Row("a contact from a known chat with no phone yet: the phone added", () =>
            new(Contact(NewPhone), new(Known(c => c.Phone = null)), Outcome("Contact shared",
                new SetPhone(NewPhone),
                new Note(CitizenEventKind.Updated, "phone number added from Telegram contact"),
                new Answer(Ack(ReplyKind.Language), Keyboards.Language)))),
        Row("a contact whose phone belongs to a citizen on another chat: unhandled, for a person", () =>
            new(Contact(NewPhone), new(null, PhoneHolder: new Citizen { Phone = NewPhone, TelegramChatId = 999 }),
                Unhandled("contact matches a citizen linked to another chat"))),
        Row("a contact with no phone number in it: unhandled", () =>
            new(Contact("not a number"), new(null), Unhandled("Contact shared"))),
    ];

    static IEnumerable<KeyValuePair<string, Func<Case>>> OtherUpdateCases() =>
    [
        Row("an ignored update (a sticker): nothing happens, the channel's note stays", () =>
            new(Telegram("", InboundKind.Ignored), new(Known()), Outcome(null))),
        Row("the bot blocked: Telegram cannot reach the citizen, on the timeline", () =>
            new(Telegram("", InboundKind.Blocked), new(Known()), Outcome("Blocked",
                new MarkTelegramUnreachable(),
                new Note(CitizenEventKind.DeliveryChanged, "Telegram: the citizen blocked the bot")))),
        Row("the bot blocked by a chat nobody is known by: only the meaning", () =>
            new(Telegram("", InboundKind.Blocked), new(null), Outcome("Blocked"))),
    ];

    static Reply Contact(string phone)
    {
        var reply = Telegram("", InboundKind.Contact);
        reply.ContactPhone = phone;
        return reply;
    }
}
