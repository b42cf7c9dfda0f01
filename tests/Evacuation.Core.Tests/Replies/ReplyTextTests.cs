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
    [InlineData("crossed", "crosed", true)]
    [InlineData("crossed", "corssed", false)]
    [InlineData("travelling", "travleling", true)]
    [InlineData("staying", "stayign", true)]
    [InlineData("staying", "saying", false)]
    [InlineData("выехали", "выехли", true)]
    [InlineData("выехали", "въехали", false)]
    [InlineData("left", "lefy", false)]
    [InlineData("departed", "departed", true)]
    [InlineData("departed", "deported", true)]
    [InlineData("departed", "dprtd", false)]
    public void One_typo_is_forgiven_in_long_words_but_not_in_the_first_letters(string tableWord, string word, bool forgiven) =>
        Assert.Equal(forgiven, WordForms.OneTypoFrom(tableWord, word));
}
