using Evacuation.Core.Citizens;
using Evacuation.Core.Replies;
using Evacuation.Core.Texts;

namespace Evacuation.Core.Tests.Texts;

/// <summary>One meaning per reply code: each label we teach is read back as exactly its code, old labels still work.</summary>
public sealed class ReplyCodeLabelTests
{
    static readonly JourneyStatus[] ByCode = [JourneyStatus.Departed, JourneyStatus.OnTheWay, JourneyStatus.Staying, JourneyStatus.NeedsHelp];

    public static TheoryData<string, int> Labels()
    {
        var data = new TheoryData<string, int>();
        foreach (var wording in Wordings.All)
        {
            for (var code = 1; code <= 4; code++)
            {
                data.Add(wording.ReplyCodeLabels[code - 1], code);
                data.Add($"{code} {wording.ReplyCodeLabels[code - 1]}", code);
                data.Add(wording.ButtonLabel(code), code);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public void Each_label_is_read_as_exactly_its_code(string label, int code)
    {
        Assert.Equal(ReplyMeaning.Of(ByCode[code - 1]), ReplyParser.Parse(label));
    }

    [Theory]
    [InlineData("left", 1)]
    [InlineData("1 Left", 1)]
    [InlineData("2 On my way", 2)]
    [InlineData("4 Help", 4)]
    [InlineData("יצאתי", 1)]
    [InlineData("נשאר/ת", 3)]
    [InlineData("צריך/ה עזרה", 4)]
    [InlineData("уехал(а)", 1)]
    [InlineData("1 уехал(а)", 1)]
    [InlineData("виїхав(ла)", 1)]
    [InlineData("1 виїхав(ла)", 1)]
    [InlineData("1 Виїхав", 1)]
    [InlineData("3 Лишаюсь", 3)]
    public void The_old_labels_are_still_understood(string label, int code)
    {
        Assert.Equal(ReplyMeaning.Of(ByCode[code - 1]), ReplyParser.Parse(label));
    }

    [Theory]
    [MemberData(nameof(EveryTextTests.Languages), MemberType = typeof(EveryTextTests))]
    public void The_reply_code_line_teaches_each_label_after_its_digit_then_ROUTE_and_STOP(string language)
    {
        var wording = Wordings.For(language);

        var positions = Enumerable.Range(1, 4).Select(code => wording.ReplyCodeLine.IndexOf($"{code} {wording.ReplyCodeLabels[code - 1]}", StringComparison.Ordinal))
            .Append(wording.ReplyCodeLine.IndexOf("ROUTE", StringComparison.Ordinal))
            .Append(wording.ReplyCodeLine.IndexOf("STOP", StringComparison.Ordinal))
            .ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(new ReplyMeaning(ReplyKind.Route), ReplyParser.Parse("ROUTE"));
        Assert.Equal(new ReplyMeaning(ReplyKind.Stop), ReplyParser.Parse("STOP"));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("כן")]
    [InlineData("да")]
    [InlineData("так")]
    [InlineData("yes, we have")]
    public void Yes_in_any_language_never_records_a_departure(string yes)
    {
        Assert.NotEqual(ReplyMeaning.Of(JourneyStatus.Departed), ReplyParser.Parse(yes));
    }
}
