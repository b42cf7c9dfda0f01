using Evacuation.Core.Replies;

namespace Evacuation.Core.Tests.Replies;

/// <summary>Odd, hostile and huge input never crashes, and means nothing unless it clearly does.</summary>
public sealed class ReplyInputTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("😀😀😀")]
    [InlineData("👍")]
    [InlineData("🇺🇦❤️")]
    [InlineData("?!...")]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("12")]
    [InlineData("+380 67 123")]
    [InlineData("\u200d\u200b\ufeff")]
    [InlineData("\ud800")]
    [InlineData("/settings")]
    [InlineData("/cancel")]
    [InlineData("/my_status")]
    [InlineData("/stop_it")]
    [InlineData("/foo@OtherBot stop")]
    [InlineData("ok")]
    [InlineData("2 adults 1 child")]
    [InlineData("1 2 3")]
    [InlineData("there are 2 of us")]
    [InlineData("I will tell you later")]
    public void Input_without_a_clear_meaning_is_unknown(string? text) =>
        Assert.Equal(ReplyMeaning.Unknown, ReplyParser.Parse(text));

    [Theory]
    [InlineData("  1  ", "Departed")]
    [InlineData("١", "Departed")]
    [InlineData("１", "Departed")]
    [InlineData("2️⃣", "OnTheWay")]
    [InlineData("4!!!", "NeedsHelp")]
    [InlineData("1 1", "Departed")]
    [InlineData("- 1", "Departed")]
    [InlineData("Answer: 3", "Staying")]
    [InlineData("/lang@EvacuationBot he", "Language he")]
    [InlineData("/LANG", "Language")]
    [InlineData("LANG xx", "Language")]
    [InlineData("lang HE", "Language he")]
    [InlineData("I left / я выехал", "Departed")]
    [InlineData("Виїхали ✅ we crossed", "Departed")]
    [InlineData("sтop", "Stop")]
    [InlineData("ВЫЕХАЛИ", "Departed")]
    [InlineData("We have LEFT!!!", "Departed")]
    [InlineData("i\u2019ve left", "Departed")]
    [InlineData("вы́ехали", "Departed")]
    public void Case_punctuation_emoji_and_script_do_not_change_the_meaning(string text, string expected) =>
        Assert.Equal(expected, ReplyParser.Parse(text).ToString());

    [Fact]
    public void A_huge_reply_is_read_only_at_its_start_and_does_not_crash()
    {
        var flood = string.Concat(Enumerable.Repeat("no no not ", 4000));
        var leftFirst = "I left. " + string.Concat(Enumerable.Repeat("blah ", 2000));

        Assert.Equal(ReplyMeaning.Unknown, ReplyParser.Parse(flood));
        Assert.Equal("Departed", ReplyParser.Parse(leftFirst).ToString());
        Assert.Equal(ReplyMeaning.Unknown, ReplyParser.Parse(new string('a', 10_000)));
        Assert.Equal(ReplyMeaning.Unknown, ReplyParser.Parse(string.Concat(Enumerable.Repeat("😀", 5000))));
    }

    [Fact]
    public void A_cut_at_the_character_limit_never_splits_an_emoji()
    {
        var text = new string('x', ReplyText.MaxCharacters - 1) + "😀 help";

        Assert.Equal(ReplyMeaning.Unknown, ReplyParser.Parse(text));
    }
}
