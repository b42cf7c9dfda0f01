using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;

namespace Evacuation.Core.Tests.Broadcasts;

public class ReplyCodeLineTests
{
    [Theory]
    [InlineData(Language.English)]
    [InlineData(Language.Hebrew)]
    [InlineData(Language.Russian)]
    [InlineData(Language.Ukrainian)]
    public void Every_language_lists_codes_1_to_4_ROUTE_and_STOP_in_order(string language)
    {
        var codes = ReplyCodeLine.For(language);

        var positions = new[] { "1 ", "2 ", "3 ", "4 ", "ROUTE", "STOP" }
            .Select(code => codes.IndexOf(code, StringComparison.Ordinal))
            .ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Theory]
    [InlineData(Language.English)]
    [InlineData(Language.Hebrew)]
    [InlineData(Language.Russian)]
    [InlineData(Language.Ukrainian)]
    public void Reply_codes_are_short(string language)
    {
        Assert.InRange(ReplyCodeLine.For(language).Length, 1, 110);
    }

    [Fact]
    public void English_reply_codes_are_GSM7()
    {
        Assert.True(SmsSegments.Of(ReplyCodeLine.For(Language.English)).IsGsm7);
    }

    [Theory]
    [InlineData("EN", Language.English)]
    [InlineData(" uk ", Language.Ukrainian)]
    [InlineData("fr", Language.English)]
    [InlineData(null, Language.English)]
    public void Language_codes_are_read_loosely_and_unknown_ones_get_English(string? given, string meant)
    {
        Assert.Equal(ReplyCodeLine.For(meant), ReplyCodeLine.For(given));
    }
}
