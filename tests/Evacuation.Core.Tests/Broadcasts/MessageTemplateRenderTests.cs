using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Texts;

namespace Evacuation.Core.Tests.Broadcasts;

public class MessageTemplateRenderTests
{
    static readonly MessageValues Olena = new(Language.English, "Olena", "Shehyni-Medyka", "Road M11 from Lviv.");

    public static Labelled<string, MessageValues, string> Cases => new()
    {
        // label, template, values, expected
        {
            "fills every placeholder",
            "{name}: go to {crossing}. {crossingDirections}",
            Olena,
            "Olena: go to Shehyni-Medyka. Road M11 from Lviv."
        },
        { "reads placeholder names in any case", "{NAME} {Crossing}", Olena, "Olena Shehyni-Medyka" },
        { "fills the same placeholder twice", "{name}, {name}", Olena, "Olena, Olena" },
        { "leaves an unknown placeholder as written", "Hi {nmae}", Olena, "Hi {nmae}" },
        { "leaves stray braces as written", "a } b { c", Olena, "a } b { c" },
        { "leaves an unclosed brace as written", "go to {crossing", Olena, "go to {crossing" },
        { "fills the inner placeholder of doubled braces", "{{name}}", Olena, "{Olena}" },
        {
            "does not fill placeholders that a value brings in",
            "Hello {name}",
            Olena with { Name = "{crossing}" },
            "Hello {crossing}"
        },
        { "trims spaces around values", "[{name}]", Olena with { Name = "  Olena  " }, "[Olena]" },
        {
            "says the nearest open crossing when none is assigned",
            "Go to {crossing}.",
            new MessageValues(Language.English),
            "Go to the nearest open border crossing."
        },
        {
            "treats a blank crossing as none assigned",
            "Go to {crossing}.",
            new MessageValues(Language.English, Crossing: "  "),
            "Go to the nearest open border crossing."
        },
        {
            "closes the gap left by empty directions between sentences",
            "Go now. {crossingDirections} Reply 1.",
            new MessageValues(Language.English, Crossing: "Uzhhorod"),
            "Go now. Reply 1."
        },
        {
            "leaves no trailing space for empty directions at the end",
            "Go now. {crossingDirections}",
            new MessageValues(Language.English),
            "Go now."
        },
        {
            "leaves no leading space for an empty name at the start",
            "{name} Leave now.",
            new MessageValues(Language.English),
            "Leave now."
        },
        {
            "closes the gap before a comma after an empty name",
            "Dear {name}, leave now.",
            new MessageValues(Language.English),
            "Dear, leave now."
        },
        {
            "keeps line breaks around an empty placeholder",
            "Go now.\n{crossingDirections}\nReply 1.",
            new MessageValues(Language.English),
            "Go now.\n\nReply 1."
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renders_a_template_for_one_citizen(string template, MessageValues values, string expected)
    {
        Assert.True(expected == MessageTemplate.Render(template, values));
    }

    [Theory]
    [InlineData(Language.English, "the nearest open border crossing")]
    [InlineData(Language.Hebrew, "מעבר הגבול הפתוח הקרוב")]
    [InlineData(Language.Russian, "ближайший открытый пункт пропуска")]
    [InlineData(Language.Ukrainian, "найближчий відкритий пункт пропуску")]
    public void An_unassigned_crossing_reads_as_the_nearest_open_one_in_the_citizens_language(string language, string expected)
    {
        Assert.Equal(expected, MessageTemplate.Render("{crossing}", new MessageValues(language)));
    }

    [Theory]
    [InlineData(Language.English)]
    [InlineData(Language.Hebrew)]
    [InlineData(Language.Russian)]
    [InlineData(Language.Ukrainian)]
    public void Reply_codes_are_filled_in_the_citizens_language(string language)
    {
        Assert.Equal(ReplyCodeLine.For(language), MessageTemplate.Render("{replyCodes}", new MessageValues(language)));
    }

    [Fact]
    public void Sender_hotline_and_time_are_written_in_the_citizens_language_and_left_out_when_unknown()
    {
        var signature = new Signature("Embassy of Israel", new Dictionary<string, string> { [Language.Hebrew] = "שגרירות ישראל" }, "+972 3 555 0100");
        var at = new DateTime(2026, 7, 1, 11, 5, 0, DateTimeKind.Utc); // 14:05 in Kyiv (summer time, UTC+3)
        const string template = "{sender}: crossing {asOf}: X. {hotline} end";

        Assert.Equal("Embassy of Israel: crossing as of 14:05 Kyiv time: X. Hotline +972 3 555 0100. end",
            MessageTemplate.Render(template, new MessageValues(Language.English) { Signature = signature, At = at }));
        Assert.Equal("Embassy of Israel: crossing (станом на 14:05 за київським часом): X. Гаряча лінія: +972 3 555 0100. end",
            MessageTemplate.Render(template, new MessageValues(Language.Ukrainian) { Signature = signature, At = at }));
        Assert.Equal("שגרירות ישראל: crossing (נכון לשעה 14:05 לפי שעון קייב): X. קו חם: \u200E+972 3 555 0100\u200E. end",
            MessageTemplate.Render(template, new MessageValues(Language.Hebrew) { Signature = signature, At = at }));
        Assert.Equal("Evacuation notice: crossing: X. end", MessageTemplate.Render(template, new MessageValues(Language.English)));
    }

    [Theory]
    [InlineData(2026, 1, 15, 12, 0, "14:00")]
    [InlineData(2026, 7, 15, 12, 0, "15:00")]
    [InlineData(2026, 3, 29, 0, 59, "02:59")]
    [InlineData(2026, 3, 29, 1, 0, "04:00")]
    [InlineData(2026, 10, 25, 0, 59, "03:59")]
    [InlineData(2026, 10, 25, 1, 0, "03:00")]
    public void Kyiv_time_follows_summer_time(int year, int month, int day, int hour, int minute, string expected)
    {
        Assert.Equal(expected, KyivTime.Format(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc)));
    }
}
