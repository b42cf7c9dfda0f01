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
