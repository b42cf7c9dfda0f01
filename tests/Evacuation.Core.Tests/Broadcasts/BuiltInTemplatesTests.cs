using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;

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

    static MessageValues ValuesFor(string language, bool hasCrossing) =>
        hasCrossing ? MessageValues.Typical(language) : new MessageValues(language, "Olena");

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_built_in_message_ends_with_the_reply_codes(string language, BuiltInTemplate template, bool hasCrossing)
    {
        var text = BuiltInTemplates.Render(template, ValuesFor(language, hasCrossing));

        Assert.EndsWith(ReplyCodes.For(language), text, StringComparison.Ordinal);
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
    public void A_message_names_the_crossing_only_when_one_is_assigned(string language, BuiltInTemplate template, bool hasCrossing)
    {
        var typical = MessageValues.Typical(language);
        var text = BuiltInTemplates.Render(template, ValuesFor(language, hasCrossing));

        Assert.Equal(hasCrossing, text.Contains(typical.Crossing!, StringComparison.Ordinal));
        Assert.Equal(hasCrossing, text.Contains(typical.CrossingDirections!, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_built_in_message_is_a_few_SMS_segments_at_most(string language, BuiltInTemplate template, bool hasCrossing)
    {
        var sms = SmsSegments.Of(BuiltInTemplates.Render(template, ValuesFor(language, hasCrossing)));

        if (language == Language.English)
        {
            // English must stay in GSM-7 (160/153 a segment) and fit two segments with typical values.
            Assert.True(sms.IsGsm7, $"not GSM-7 because of: {string.Join(" ", sms.Ucs2Characters)}");
            Assert.InRange(sms.Count, 1, 2);
        }
        else
        {
            Assert.Equal(SmsEncoding.Ucs2, sms.Encoding);
            Assert.InRange(sms.Count, 1, 4);
        }
    }

    [Theory]
    [InlineData(BuiltInTemplate.Advisory, "OFFICIAL: Leave Ukraine immediately. Head for the nearest open border crossing. ")]
    [InlineData(BuiltInTemplate.RouteInstructions, "OFFICIAL: Head for the nearest open border crossing into Poland, Slovakia, Hungary, Romania or Moldova. ")]
    [InlineData(BuiltInTemplate.Reminder, "OFFICIAL REMINDER: Leave Ukraine now. Head for the nearest open border crossing. Have you left? ")]
    [InlineData(BuiltInTemplate.OnTheWayReminder, "OFFICIAL REMINDER: Have you crossed the border? Head for the nearest open border crossing. ")]
    public void Without_a_crossing_the_English_message_sends_citizens_to_the_nearest_open_one(BuiltInTemplate template, string opening)
    {
        var text = BuiltInTemplates.Render(template, new MessageValues(Language.English));

        Assert.Equal(opening + ReplyCodes.For(Language.English), text);
    }

    [Fact]
    public void A_crossing_without_directions_still_reads_well()
    {
        var text = BuiltInTemplates.Render(BuiltInTemplate.Advisory, new MessageValues(Language.English, Crossing: "Uzhhorod-Vysne Nemecke"));

        Assert.Equal(
            "OFFICIAL: Leave Ukraine immediately. Go to the Uzhhorod-Vysne Nemecke border crossing. " + ReplyCodes.For(Language.English),
            text);
    }

    [Fact]
    public void The_reminder_asks_whether_the_citizen_has_left_and_the_on_the_way_reminder_whether_they_crossed()
    {
        Assert.Contains("Have you left?", BuiltInTemplates.Text(BuiltInTemplate.Reminder, Language.English, true), StringComparison.Ordinal);
        Assert.Contains("Have you crossed the border?", BuiltInTemplates.Text(BuiltInTemplate.OnTheWayReminder, Language.English, true), StringComparison.Ordinal);
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
