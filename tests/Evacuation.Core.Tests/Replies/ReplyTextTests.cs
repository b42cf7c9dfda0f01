using Evacuation.Core.Replies;

namespace Evacuation.Core.Tests.Replies;

/// <summary>The folding every reply and every table entry goes through once.</summary>
public sealed class ReplyTextTests
{
    [Theory]
    [InlineData("I HAVE Left!", "i have left")]
    [InlineData("haven't", "havent")]
    [InlineData("з'їхали", "зіхали")]
    [InlineData("зʼїхали", "зіхали")]
    [InlineData("Ещё", "еще")]
    [InlineData("йод", "йод")]
    [InlineData("ґанок", "ганок")]
    [InlineData("יָצָאתִי", "יצאתי")]
    [InlineData("выехaли", "выехали")]
    [InlineData("sтop", "stop")]
    [InlineData("départed", "departed")]
    [InlineData("ＳＴＯＰ", "stop")]
    [InlineData("1️⃣", "1")]
    [InlineData("🆘", "sos")]
    [InlineData("on-my-way🚗", "on my way")]
    public void Words_are_folded_to_one_plain_form(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', ReplyText.Words(text)));

    [Fact]
    public void Sentence_punctuation_separates_clauses()
    {
        var clauses = ReplyText.Clauses("No. We left, thanks!");

        Assert.Equal([["no"], ["we", "left"], ["thanks"]], clauses);
    }

    [Theory]
    [InlineData("crossed", "crosed", true)] // dropped
    [InlineData("stop", "stp", true)]
    [InlineData("left", "lft", true)]
    [InlineData("left", "eft", false)] // never the first letter
    [InlineData("stop", "stopp", true)] // doubled
    [InlineData("help", "hhelp", true)]
    [InlineData("stop", "stpo", true)] // swapped
    [InlineData("left", "lfet", true)]
    [InlineData("crossed", "corssed", true)]
    [InlineData("travelling", "travleling", true)]
    [InlineData("staying", "stayign", true)]
    [InlineData("left", "elft", false)]
    [InlineData("left", "lefy", true)] // changed, after the first two letters
    [InlineData("departed", "deported", true)]
    [InlineData("left", "lift", false)]
    [InlineData("help", "hrlp", false)]
    [InlineData("выехали", "въехали", false)]
    [InlineData("travelling", "travelkling", true)] // added, only in long words
    [InlineData("stop", "stoip", false)]
    [InlineData("выехали", "выехли", true)]
    [InlineData("departed", "departed", false)] // no slip at all
    [InlineData("departed", "dprtd", false)] // more than one
    [InlineData("stop", "spot", false)]
    public void A_slip_is_a_letter_dropped_doubled_swapped_or_changed(string keyword, string word, bool slip) =>
        Assert.Equal(slip, WordForms.OneSlipFrom(keyword, word));
}
