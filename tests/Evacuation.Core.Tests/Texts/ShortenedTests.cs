using Evacuation.Core.Texts;

namespace Evacuation.Core.Tests.Texts;

public sealed class ShortenedTests
{
    public static TheoryData<string, string, int, string> Cuts => new()
    {
        { "short text unchanged", "abc", 5, "abc" },
        { "exact length unchanged", "abcde", 5, "abcde" },
        { "plain cut", "abcdef", 3, "abc" },
        { "cut would split an emoji: the emoji goes whole", "ab\U0001F600cd", 3, "ab" },
        { "cut after a whole emoji", "ab\U0001F600cd", 4, "ab\U0001F600" },
        { "cyrillic cut anywhere", "Привіт", 3, "При" },
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public void A_cut_never_leaves_half_a_character(string label, string text, int max, string expected)
    {
        Assert.NotEmpty(label);
        var cut = Shortened.To(text, max);
        Assert.Equal(expected, cut);
        Assert.False(cut.Length > 0 && char.IsHighSurrogate(cut[^1]));
    }

    [Fact]
    public void An_ellipsis_marks_only_a_text_that_was_cut()
    {
        Assert.Equal("abc", Shortened.WithEllipsis("abc", 3));
        Assert.Equal("ab…", Shortened.WithEllipsis("ab\U0001F600", 3));
    }
}
