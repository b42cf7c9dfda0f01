using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Replies;
using Evacuation.Core.Routes;

namespace Evacuation.Core.Tests.Replies;

/// <summary>
/// What each kind of reply makes happen, one labelled case a row: the reply as stored, what the registry knows of its
/// sender, and the outcome expected (meaning, unhandled, and the effects in order). Answers are named by the
/// acknowledgement they carry, so wording can change without these tests changing.
/// </summary>
public sealed partial class ReplyDecisionTests
{
    const string Phone = "+380501234567";
    const long Chat = 4001;

    static readonly DateTime Now = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
    static readonly Signature Signature = new("", new Dictionary<string, string>(), "+380 44 000 0000");
    static readonly CrossingAssignment Places = new(Routes.Some.ShippedFile());
    static readonly ReplyDecision Decision = new(Places, "UA", Signature);

    /// <summary>One case: built afresh for each run, so the citizens it names are its own; <paramref name="With"/> a decision over other crossings.</summary>
    sealed record Case(Reply Reply, ReplyFacts Facts, ReplyOutcome Expected, ReplyDecision? With = null);

    static readonly Dictionary<string, Func<Case>> Cases = StatusCases()
        .Concat(RouteCases()).Concat(OptOutCases()).Concat(LanguageCases()).Concat(EnrolmentCases()).Concat(OtherUpdateCases())
        .ToDictionary(c => c.Key, c => c.Value);

    public static TheoryData<string> Labels => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Labels))]
    public void A_reply_is_decided_into_what_it_makes_happen(string label)
    {
        var (reply, facts, expected, with) = Cases[label]();

        var outcome = (with ?? Decision).Decide(reply, facts, Now);

        Assert.Equal(expected.Meaning, outcome.Meaning);
        Assert.Equal(expected.Unhandled, outcome.Unhandled);
        Assert.Equal(expected.Effects, outcome.Effects);
    }

    [Fact]
    public void Every_reply_kind_and_every_inbound_kind_has_a_case()
    {
        var cases = Cases.Values.Select(c => c()).ToList();
        var meanings = cases.Where(c => c.Reply.Kind is InboundKind.Text or InboundKind.Button)
            .Select(c => ReplyParser.Parse(ReplyDecision.TextOf(c.Reply))).ToList();

        Assert.All(Enum.GetValues<ReplyKind>(), kind => Assert.Contains(meanings, m => m.Kind == kind));
        Assert.All(Enum.GetValues<JourneyStatus>().Where(s => s != JourneyStatus.Unconfirmed), status => Assert.Contains(meanings, m => m.Status == status));
        Assert.All(Enum.GetValues<InboundKind>(), kind => Assert.Contains(cases, c => c.Reply.Kind == kind));
    }

    [Fact]
    public void Deciding_changes_none_of_the_citizens_it_is_given()
    {
        var sender = Known(c => c.OptedOut = true);
        var before = (sender.Status, sender.OptedOut, sender.Language, sender.AssignedCrossing, sender.RemindersSent);

        Decision.Decide(Sms("4 resume"), new ReplyFacts(sender), Now);

        Assert.Equal(before, (sender.Status, sender.OptedOut, sender.Language, sender.AssignedCrossing, sender.RemindersSent));
    }

    static Reply Sms(string text, string from = Phone) =>
        new() { Channel = ChannelKind.Sms, Kind = InboundKind.Text, From = from, Text = text };

    static Reply Telegram(string text, InboundKind kind = InboundKind.Text) =>
        new() { Channel = ChannelKind.Telegram, Kind = kind, From = "4001", Text = text };

    /// <summary>A press on the citizen's check-in page: the service knows whose page it is before deciding.</summary>
    static Reply Web(string text) =>
        new() { Channel = ChannelKind.Web, Kind = InboundKind.Button, CitizenId = Guid.NewGuid(), From = "page", Text = text };

    static Citizen Known(Action<Citizen>? shape = null)
    {
        var citizen = new Citizen { Name = "Olena", Phone = Phone, TelegramChatId = Chat, Region = "Lviv" };
        shape?.Invoke(citizen);
        return citizen;
    }

    static ReplyOutcome Outcome(string? meaning, params ReplyEffect[] effects) => new(meaning, false, effects);

    static ReplyOutcome Unhandled(string? meaning, params ReplyEffect[] effects) => new(meaning, true, effects);

    static string Ack(ReplyKind kind, string language = Language.English) => Acknowledgements.For(new ReplyMeaning(kind), language);

    static string Ack(JourneyStatus status, string language = Language.English) => Acknowledgements.For(ReplyMeaning.Of(status), language);

    static string AckLanguage(string code) => Acknowledgements.For(new ReplyMeaning(ReplyKind.Language, Language: code), code);

    static Note Received(Reply reply, string meaning) => new(CitizenEventKind.ReplyReceived, $"{reply.Channel}: \"{reply.Text}\" → {meaning}");

    /// <summary>The answer to ROUTE or a shared location: the route from <paramref name="from"/>, or where-are-you, or wait.</summary>
    static Answer RouteAnswerFor(Crossing? crossing, Origin? from, bool telegram, string language = Language.English)
    {
        var (text, keyboard) = RouteAnswer.For(crossing, from, language, telegram, Signature, Now);
        return new Answer(text, keyboard);
    }

    static Crossing NearestTo(string region) => Places.ChooseFor(null, null, region)!;

    static Origin CentreOf(string region) => Places.OriginOf(null, null, region)!.Value;
}
