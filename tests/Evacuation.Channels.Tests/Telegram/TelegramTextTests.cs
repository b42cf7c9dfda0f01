using Evacuation.Channels.Telegram;

namespace Evacuation.Channels.Tests.Telegram;

public sealed class TelegramTextTests
{
    [Theory]
    [InlineData("Leave now.", 20, new[] { "Leave now." }, Label = "short text stays whole")]
    [InlineData("aaaaaaa bbb\n\ncccc", 14, new[] { "aaaaaaa bbb", "cccc" }, Label = "a paragraph break is preferred")]
    [InlineData("aaaaaaa bbb\ncccc dd", 14, new[] { "aaaaaaa bbb", "cccc dd" }, Label = "a line break when no paragraph break fits")]
    [InlineData("aaaaa bbbbb ccccc", 12, new[] { "aaaaa bbbbb", "ccccc" }, Label = "a space when no line break fits")]
    [InlineData("aaaaaaaaaabbbbb", 10, new[] { "aaaaaaaaaa", "bbbbb" }, Label = "a word longer than the limit is cut")]
    [InlineData("ab\n\ncccccccc\ndd", 12, new[] { "ab\n\ncccccccc", "dd" }, Label = "an early paragraph break loses to a later line break")]
    [InlineData("", 10, new[] { "" }, Label = "empty text is one empty part")]
    public void Text_is_split_on_the_best_boundary(string text, int limit, string[] expected)
    {
        Assert.Equal(expected, TelegramText.Split(text, limit));
    }

    [Fact]
    public void No_part_is_longer_than_4096_and_nothing_but_whitespace_at_cuts_is_lost()
    {
        var words = string.Join(" ", Enumerable.Range(0, 3000).Select(i => "word" + i));

        var parts = TelegramText.Split(words);

        Assert.All(parts, p => Assert.InRange(p.Length, 1, TelegramText.MaxLength));
        Assert.Equal(words, string.Join(" ", parts));
    }

    [Fact]
    public void A_surrogate_pair_is_never_cut_in_half()
    {
        var text = new string('a', 9) + "😀" + "bbbb";

        var parts = TelegramText.Split(text, 10);

        Assert.Equal(new string('a', 9), parts[0]);
        Assert.Equal("😀bbbb", parts[1]);
    }
}
