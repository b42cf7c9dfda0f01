using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Replies;
using Evacuation.Core.Routes;

namespace Evacuation.Core.Tests.Replies;

/// <summary>The cases of <see cref="ReplyDecisionTests"/>, by what the reply asks for.</summary>
public sealed partial class ReplyDecisionTests
{
    static KeyValuePair<string, Func<Case>> Row(string label, Func<Case> build) => new(label, build);

    static IEnumerable<KeyValuePair<string, Func<Case>>> StatusCases() =>
    [
        Row("1 by SMS: Departed on the timeline, reminders start over, acknowledged", () =>
        {
            var reply = Sms("1");
            return new(reply, new(Known()), Outcome("Departed",
                Received(reply, "Departed"),
                new Note(CitizenEventKind.StatusChanged, "Unconfirmed → Departed by Sms reply \"1\""),
                new SetStatus(JourneyStatus.Departed),
                new ResetReminders(Escalate: false),
                new Answer(Ack(JourneyStatus.Departed))));
        }),
        Row("the 2 button in Telegram: OnTheWay, and our last Telegram message counts as delivered", () =>
        {
            var reply = Telegram("reply:2", InboundKind.Button);
            return new(reply, new(Known()), Outcome("OnTheWay",
                new ConfirmDelivery(),
                Received(reply, "OnTheWay"),
                new Note(CitizenEventKind.StatusChanged, "Unconfirmed → OnTheWay by Telegram reply \"reply:2\""),
                new SetStatus(JourneyStatus.OnTheWay),
                new ResetReminders(Escalate: false),
                new Answer(Ack(JourneyStatus.OnTheWay))));
        }),
        Row("the 1 button on the check-in page: Departed, no Telegram delivery to confirm, the page shows the answer", () =>
        {
            var reply = Web("reply:1");
            return new(reply, new(Known()), Outcome("Departed",
                Received(reply, "Departed"),
                new Note(CitizenEventKind.StatusChanged, "Unconfirmed → Departed by Web reply \"reply:1\""),
                new SetStatus(JourneyStatus.Departed),
                new ResetReminders(Escalate: false),
                new Answer(Ack(JourneyStatus.Departed))));
        }),
        Row("the 4 button on the check-in page of an opted-out citizen: NeedsHelp, a case, the call list, no message", () =>
        {
            var reply = Web("reply:4");
            return new(reply, new(Known(c => c.OptedOut = true)), Outcome("NeedsHelp",
                new OpenHelpCase("pressed 4"),
                Received(reply, "NeedsHelp"),
                new Note(CitizenEventKind.StatusChanged, "Unconfirmed → NeedsHelp by Web reply \"reply:4\""),
                new SetStatus(JourneyStatus.NeedsHelp),
                new ResetReminders(Escalate: true),
                new Note(CitizenEventKind.Escalated, "asked for help: on the call list")));
        }),
        Row("3 from a Ukrainian speaker: Staying, acknowledged in Ukrainian", () =>
        {
            var reply = Sms("3");
            return new(reply, new(Known(c => c.Language = Language.Ukrainian)), Outcome("Staying",
                Received(reply, "Staying"),
                new Note(CitizenEventKind.StatusChanged, "Unconfirmed → Staying by Sms reply \"3\""),
                new SetStatus(JourneyStatus.Staying),
                new ResetReminders(Escalate: false),
                new Answer(Ack(JourneyStatus.Staying, Language.Ukrainian))));
        }),
        Row("4 by SMS: NeedsHelp, on the call list at once", () =>
        {
            var reply = Sms("4");
            return new(reply, new(Known()), Outcome("NeedsHelp",
                new OpenHelpCase("\"4\""),
                Received(reply, "NeedsHelp"),
                new Note(CitizenEventKind.StatusChanged, "Unconfirmed → NeedsHelp by Sms reply \"4\""),
                new SetStatus(JourneyStatus.NeedsHelp),
                new ResetReminders(Escalate: true),
                new Note(CitizenEventKind.Escalated, "asked for help: on the call list"),
                new Answer(Acknowledgements.For(ReplyMeaning.Of(JourneyStatus.NeedsHelp), Language.English, Signature))));
        }),
        Row("the status already held: no change on the timeline, reminders start over, acknowledged", () =>
        {
            var reply = Sms("1");
            return new(reply, new(Known(c => c.Status = JourneyStatus.Departed)), Outcome("Departed",
                Received(reply, "Departed"),
                new ResetReminders(Escalate: false),
                new Answer(Ack(JourneyStatus.Departed))));
        }),
        Row("a status from an opted-out citizen: recorded, not answered", () =>
        {
            var reply = Sms("2");
            return new(reply, new(Known(c => c.OptedOut = true)), Outcome("OnTheWay",
                Received(reply, "OnTheWay"),
                new Note(CitizenEventKind.StatusChanged, "Unconfirmed → OnTheWay by Sms reply \"2\""),
                new SetStatus(JourneyStatus.OnTheWay),
                new ResetReminders(Escalate: false)));
        }),
        Row("help from an opted-out citizen: a case opened and on the call list, not answered", () =>
        {
            var reply = Sms("help");
            return new(reply, new(Known(c => c.OptedOut = true)), Outcome("NeedsHelp",
                new OpenHelpCase("\"help\""),
                Received(reply, "NeedsHelp"),
                new Note(CitizenEventKind.StatusChanged, "Unconfirmed → NeedsHelp by Sms reply \"help\""),
                new SetStatus(JourneyStatus.NeedsHelp),
                new ResetReminders(Escalate: true),
                new Note(CitizenEventKind.Escalated, "asked for help: on the call list")));
        }),
        Row("words nobody understands: unhandled, answered with the reply codes", () =>
        {
            var reply = Sms("purple elephant");
            return new(reply, new(Known()), Unhandled("Unknown",
                Received(reply, "Unknown"),
                new Answer(Ack(ReplyKind.Unknown) + "\n" + ReplyCodeLine.For(Language.English))));
        }),
    ];

    static IEnumerable<KeyValuePair<string, Func<Case>>> RouteCases() =>
    [
        Row("ROUTE: the nearest crossing to the region assigned and described", () =>
        {
            var reply = Sms("ROUTE");
            var crossing = NearestTo("Lviv");
            return new(reply, new(Known()), Outcome("Route",
                Received(reply, "Route"),
                new Note(CitizenEventKind.CrossingAssigned, $"none → {crossing.Id}"),
                new AssignCrossing(crossing.Id),
                RouteAnswerFor(crossing, CentreOf("Lviv"), telegram: false)));
        }),
        Row("ROUTE with that crossing already assigned: described, not assigned again", () =>
        {
            var reply = Sms("ROUTE");
            var crossing = NearestTo("Lviv");
            return new(reply, new(Known(c => c.AssignedCrossing = crossing.Id)), Outcome("Route",
                Received(reply, "Route"),
                RouteAnswerFor(crossing, CentreOf("Lviv"), telegram: false)));
        }),
        Row("ROUTE by SMS from someone with neither region nor location: told how to say where they are", () =>
        {
            var reply = Sms("ROUTE");
            return new(reply, new(Known(c => c.Region = null)), Outcome("Route",
                Received(reply, "Route"),
                RouteAnswerFor(null, null, telegram: false)));
        }),
        Row("ROUTE in Telegram from someone with neither region nor location: asked for a location, with the button", () =>
        {
            var reply = Telegram("route");
            return new(reply, new(Known(c => c.Region = null)), Outcome("Route",
                new ConfirmDelivery(),
                Received(reply, "Route"),
                RouteAnswerFor(null, null, telegram: true)));
        }),
        Row("ROUTE when every crossing is closed: told to wait, the crossing kept", () =>
        {
            var reply = Sms("ROUTE");
            var closed = Routes.Some.ShippedFile();
            foreach (var crossing in closed.Crossings)
            {
                crossing.Status = CrossingStatus.Closed;
            }
            var places = new CrossingAssignment(closed);
            return new(reply, new(Known()), Outcome("Route", Received(reply, "Route"), RouteAnswerFor(null, CentreOf("Lviv"), telegram: false)),
                With: new ReplyDecision(places, "UA", Signature));
        }),
        Row("a shared location: stored, the crossing chosen from it, the route answered", () =>
        {
            var reply = Telegram("", InboundKind.Location);
            (reply.Latitude, reply.Longitude) = (48.29, 25.94); // Chernivtsi
            var from = Places.OriginOf(48.29, 25.94, "Lviv")!.Value;
            var crossing = Places.Choose(from.Point)!;
            return new(reply, new(Known()), Outcome("Location",
                new ConfirmDelivery(),
                new SetLocation(48.29, 25.94),
                new Note(CitizenEventKind.ReplyReceived, "Telegram: shared a location"),
                new Note(CitizenEventKind.CrossingAssigned, $"none → {crossing.Id}"),
                new AssignCrossing(crossing.Id),
                RouteAnswerFor(crossing, from, telegram: true)));
        }),
        Row("a location from a chat nobody is known by: unhandled", () =>
        {
            var reply = Telegram("", InboundKind.Location);
            (reply.Latitude, reply.Longitude) = (48.29, 25.94);
            return new(reply, new(null), Unhandled("location from an unknown chat"));
        }),
    ];

    static IEnumerable<KeyValuePair<string, Func<Case>>> OptOutCases() =>
    [
        Row("stop in Telegram: opted out, and told so", () =>
        {
            var reply = Telegram("stop");
            return new(reply, new(Known()), Outcome("Stop",
                new ConfirmDelivery(),
                Received(reply, "Stop"),
                new SetOptedOut(true),
                new Note(CitizenEventKind.OptedOut, "by Telegram reply"),
                new Answer(Ack(ReplyKind.Stop))));
        }),
        Row("STOP by SMS: opted out, and silent, because Twilio answers its own keywords", () =>
        {
            var reply = Sms("STOP");
            return new(reply, new(Known()), Outcome("Stop",
                Received(reply, "Stop"),
                new SetOptedOut(true),
                new Note(CitizenEventKind.OptedOut, "by Sms reply")));
        }),
        Row("stop again when opted out: told again, nothing else", () =>
        {
            var reply = Telegram("stop");
            return new(reply, new(Known(c => c.OptedOut = true)), Outcome("Stop",
                new ConfirmDelivery(),
                Received(reply, "Stop"),
                new Answer(Ack(ReplyKind.Stop))));
        }),
        Row("resume when opted out: opted back in and acknowledged", () =>
        {
            var reply = Telegram("resume");
            return new(reply, new(Known(c => c.OptedOut = true)), Outcome("Start",
                new ConfirmDelivery(),
                Received(reply, "Start"),
                new SetOptedOut(false),
                new Note(CitizenEventKind.OptedIn, "by Telegram reply"),
                new Answer(Ack(ReplyKind.Start))));
        }),
        Row("resume by SMS after the carrier's block: SMS can reach them again", () =>
        {
            var reply = Sms("resume");
            return new(reply, new(Known(c => c.SmsUnreachable = true)), Outcome("Start",
                Received(reply, "Start"),
                new SetOptedOut(false),
                new MarkSmsReachable(),
                new Note(CitizenEventKind.OptedIn, "by Sms reply"),
                new Answer(Ack(ReplyKind.Start))));
        }),
        Row("START by SMS: opted back in, and silent, because Twilio answers it", () =>
        {
            var reply = Sms("START");
            return new(reply, new(Known(c => c.OptedOut = true)), Outcome("Start",
                Received(reply, "Start"),
                new SetOptedOut(false),
                new MarkSmsReachable(),
                new Note(CitizenEventKind.OptedIn, "by Sms reply")));
        }),
    ];
}
