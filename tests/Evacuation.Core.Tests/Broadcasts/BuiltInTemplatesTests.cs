using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;
using Evacuation.Core.Texts;

namespace Evacuation.Core.Tests.Broadcasts;

public class BuiltInTemplatesTests
{
    /// <summary>Every built-in message in every language, for a citizen with and without an assigned crossing.</summary>
    public static TheoryData<string, BuiltInTemplate, bool> Every()
    {
        var data = new TheoryData<string, BuiltInTemplate, bool>();
        foreach (var language in Language.All)
        {
            foreach (var template in Enum.GetValues<BuiltInTemplate>())
            {
                data.Add(language, template, true);
                data.Add(language, template, false);
            }
        }
        return data;
    }

    static readonly CrossingsFile File = CrossingsFile.Load(CrossingsFile.ShippedPath);

    static readonly Signature Embassy = new("Embassy of Israel", new Dictionary<string, string>(), "");

    /// <summary>A citizen of Lviv sent to Shehyni-Medyka, as fan-out would fill the template.</summary>
    static MessageValues ValuesFor(string language, bool hasCrossing)
    {
        if (!hasCrossing)
        {
            return new MessageValues(language, "Olena") { Signature = Embassy };
        }
        File.TryFindCrossing("shehyni-medyka", out var crossing);
        File.Regions.TryFind("Lviv", out var lviv);
        var directions = RouteDirections.Describe(crossing, new Origin(new GeoPoint(lviv.Latitude, lviv.Longitude), lviv), language);
        return new MessageValues(language, "Olena", crossing.DisplayName(language), directions)
        {
            Signature = Embassy,
            At = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc),
        };
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_built_in_message_opens_with_the_sender_and_ends_with_the_reply_codes(string language, BuiltInTemplate template, bool hasCrossing)
    {
        var text = BuiltInTemplates.Render(template, ValuesFor(language, hasCrossing));

        Assert.StartsWith(Wordings.For(language).Opening.Replace("{sender}", "Embassy of Israel", StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.EndsWith(ReplyCodeLine.For(language), text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_built_in_template_passes_its_own_check(string language, BuiltInTemplate template, bool hasCrossing)
    {
        Assert.Empty(MessageTemplate.Check(BuiltInTemplates.Text(template, language, hasCrossing)));
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_built_in_message_renders_cleanly(string language, BuiltInTemplate template, bool hasCrossing)
    {
        var text = BuiltInTemplates.Render(template, ValuesFor(language, hasCrossing));

        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" .", text, StringComparison.Ordinal);
        Assert.DoesNotContain("..", text, StringComparison.Ordinal);
        Assert.Equal(text.Trim(), text);
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void A_message_names_the_crossing_once_and_only_when_one_is_assigned(string language, BuiltInTemplate template, bool hasCrossing)
    {
        var assigned = ValuesFor(language, hasCrossing: true);
        var text = BuiltInTemplates.Render(template, ValuesFor(language, hasCrossing));

        Assert.Equal(hasCrossing ? 1 : 0, text.Split(assigned.Crossing!).Length - 1);
        Assert.Equal(hasCrossing, text.Contains(assigned.CrossingDirections!, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(BuiltInTemplate.Advisory, "Embassy of Israel: Leave Ukraine now via the nearest open border crossing into Poland, Slovakia, Hungary, Romania or Moldova. ")]
    [InlineData(BuiltInTemplate.RouteInstructions, "Embassy of Israel: Head for the nearest open border crossing into Poland, Slovakia, Hungary, Romania or Moldova. ")]
    [InlineData(BuiltInTemplate.Reminder, "Embassy of Israel: Reminder: leave Ukraine now via the nearest open border crossing. Tell us where you are. ")]
    [InlineData(BuiltInTemplate.OnTheWayReminder, "Embassy of Israel: You told us you are on the way. Head for the nearest open border crossing. ")]
    public void Without_a_crossing_the_English_message_sends_citizens_to_the_nearest_open_one(BuiltInTemplate template, string opening)
    {
        var text = BuiltInTemplates.Render(template, ValuesFor(Language.English, hasCrossing: false));

        Assert.Equal(opening + ReplyCodeLine.For(Language.English), text);
    }

    [Fact]
    public void The_English_advisory_and_route_say_who_speaks_where_to_go_and_how_far_in_a_straight_line()
    {
        var values = ValuesFor(Language.English, hasCrossing: true);

        Assert.Equal(
            "Embassy of Israel: Leave Ukraine now via the Shehyni-Medyka crossing. In Poland, 75 km west of central Lviv (straight line). " + ReplyCodeLine.For(Language.English),
            BuiltInTemplates.Render(BuiltInTemplate.Advisory, values));
        Assert.Equal(
            "Embassy of Israel: Your border crossing as of 14:00 Kyiv time: Shehyni-Medyka. In Poland, 75 km west of central Lviv (straight line). " + ReplyCodeLine.For(Language.English),
            BuiltInTemplates.Render(BuiltInTemplate.RouteInstructions, values));
    }

    [Fact]
    public void A_hotline_is_added_to_the_advisory_before_the_reply_codes()
    {
        var values = ValuesFor(Language.English, hasCrossing: true) with { Signature = Embassy with { Hotline = "+972 3 555 0100" } };

        Assert.EndsWith("(straight line). Hotline +972 3 555 0100. " + ReplyCodeLine.For(Language.English), BuiltInTemplates.Render(BuiltInTemplate.Advisory, values), StringComparison.Ordinal);
    }

    [Fact]
    public void A_crossing_without_directions_still_reads_well()
    {
        var text = BuiltInTemplates.Render(BuiltInTemplate.Advisory, new MessageValues(Language.English, Crossing: "Uzhhorod-Vysne Nemecke"));

        Assert.Equal("Evacuation notice: Leave Ukraine now via the Uzhhorod-Vysne Nemecke crossing. " + ReplyCodeLine.For(Language.English), text);
    }

    [Theory]
    [InlineData(CrossingStatus.Closed, "Embassy of Israel: Route changed as of 14:00 Kyiv time: Krakovets-Korczowa is closed, go to Shehyni-Medyka. In Poland")]
    [InlineData(CrossingStatus.Congested, "Embassy of Israel: Route changed as of 14:00 Kyiv time: Krakovets-Korczowa has long queues, go to Shehyni-Medyka. In Poland")]
    public void A_re_route_opens_with_what_changed(CrossingStatus status, string opening)
    {
        var left = CrossingsFile.Load(CrossingsFile.ShippedPath).Crossings.Single(c => c.Id == "krakovets-korczowa");
        left.Status = status;

        var templates = BuiltInTemplates.RouteChanged(left);
        var text = BroadcastText.Compose(BroadcastKind.RouteInstructions, templates[Language.English], ValuesFor(Language.English, hasCrossing: true));

        Assert.StartsWith(opening, text, StringComparison.Ordinal);
        Assert.EndsWith(ReplyCodeLine.For(Language.English), text, StringComparison.Ordinal);
        Assert.Equal(Language.All.Order(), templates.Keys.Order());
        Assert.Contains("Краковець–Корчова", templates[Language.Ukrainian], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BroadcastKind.Advisory, BuiltInTemplate.Advisory)]
    [InlineData(BroadcastKind.RouteInstructions, BuiltInTemplate.RouteInstructions)]
    [InlineData(BroadcastKind.Custom, null)]
    public void Each_broadcast_kind_has_its_built_in_template_except_custom(BroadcastKind kind, BuiltInTemplate? expected)
    {
        Assert.Equal(expected, BuiltInTemplates.For(kind));
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("")]
    [InlineData("EN")]
    public void An_unknown_or_oddly_written_language_gets_English(string language)
    {
        Assert.Equal(
            BuiltInTemplates.Text(BuiltInTemplate.Advisory, Language.English, true),
            BuiltInTemplates.Text(BuiltInTemplate.Advisory, language, true));
    }
}
