using Evacuation.Core.Replies;

namespace Evacuation.Core.Tests.Replies;

/// <summary>A misspelt keyword is read as the keyword only when it can be nothing else.</summary>
public sealed class MisspellingsTests
{
    private static Misspellings Misspellings => PhraseBook.Default.Misspellings;

    [Theory]
    [InlineData("stpo", "stop")]
    [InlineData("stp", "stop")]
    [InlineData("stopp", "stop")]
    [InlineData("lfet", "left")]
    [InlineData("nto", "not")]
    [InlineData("hvaent", "havent")]
    [InlineData("crossd", "crossed")]
    [InlineData("выехли", "выехали")]
    [InlineData("маршурт", "маршрут")]
    [InlineData("кодрон", "кордон")]
    [InlineData("עזרהה", "עזרה")]
    [InlineData("ויצתאי", "יצאתי")] // a glued prefix is tried away
    public void A_slip_near_one_keyword_is_that_keyword(string word, string keyword) =>
        Assert.Equal(keyword, Misspellings.KeywordFor(word));

    [Theory]
    [InlineData("stap", "stop or stay")]
    [InlineData("stoy", "stop or stay")]
    [InlineData("sidn", "side or sign (up)")]
    [InlineData("step", "an ordinary word")]
    [InlineData("let", "an ordinary word")]
    [InlineData("hell", "an ordinary word")]
    [InlineData("стол", "an ordinary word")]
    [InlineData("въехали", "an ordinary word, and a changed second letter")]
    [InlineData("עזרא", "an ordinary word")]
    [InlineData("tsop", "the first letter is wrong")]
    [InlineData("sto", "Russian 'сто' (a hundred) in Latin letters, not STOP")]
    [InlineData("st0p", "a digit")]
    [InlineData("ab", "too short")]
    [InlineData("left", "a keyword itself")]
    [InlineData("thank", "a word of the tables itself, not a slip of thanks")]
    public void A_word_that_could_be_something_else_is_left_as_it_is(string word, string why)
    {
        Assert.Null(Misspellings.KeywordFor(word));
        Assert.NotEmpty(why);
    }

    [Fact]
    public void Keywords_that_mean_the_same_are_no_ambiguity()
    {
        // "travleling" is one slip from both "traveling" and "travelling".
        Assert.Equal("traveling", Misspellings.KeywordFor("travleling"));
    }

    [Fact]
    public void No_near_miss_is_read_as_a_keyword_and_each_is_one_slip_from_one()
    {
        var nearMisses = Vocabularies.SelectMany(v => v.NearMisses).ToList();

        Assert.True(nearMisses.Count > 1000, $"{nearMisses.Count} near misses");
        Assert.All(nearMisses, word => Assert.Null(Misspellings.KeywordFor(word)));
        var strays = nearMisses.Where(word => !Misspellings.Keywords.Any(keyword => WordForms.OneSlipFrom(keyword, word)));
        Assert.Empty(strays);
    }

    [Fact]
    public void Near_misses_are_written_folded()
    {
        var nearMisses = Vocabularies.SelectMany(v => v.NearMisses);

        Assert.All(nearMisses, word => Assert.Equal([word], ReplyText.Words(word)));
    }

    [Fact]
    public void No_near_miss_is_a_word_of_the_tables()
    {
        var tableWords = PhraseBook.Default.Phrases.SelectMany(phrase => phrase.Words).ToHashSet(StringComparer.Ordinal);

        var nearMisses = Vocabularies.SelectMany(v => v.NearMisses);

        Assert.All(nearMisses, word => Assert.DoesNotContain(word, tableWords));
    }

    /// <summary>The deletion index must find every keyword a word is one slip from, as comparing with each would.</summary>
    [Fact]
    public void The_index_finds_what_comparing_with_every_keyword_finds()
    {
        var byFirstLetter = Misspellings.Keywords.ToLookup(keyword => keyword[0]);
        var checkedSlips = 0;
        foreach (var slip in Misspellings.Keywords.SelectMany(Slips).Distinct(StringComparer.Ordinal))
        {
            var forms = WordForms.Of(slip).Where(form => form.Length >= Misspellings.ShortestNegation).ToList();
            if (forms.Count == 0 || WordForms.Of(slip).Any(form => Misspellings.IsKnown(form)))
            {
                continue;
            }

            var meant = forms
                .SelectMany(form => byFirstLetter[form[0]].Where(keyword => WordForms.OneSlipFrom(keyword, form)))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var found = Misspellings.KeywordFor(slip);
            if (meant.Count == 1)
            {
                Assert.True(meant[0] == found, $"'{slip}': expected {meant[0]}, found {found ?? "nothing"}");
            }
            else
            {
                Assert.True(
                    found is null || meant.Contains(found), $"'{slip}': found {found}, not one of {string.Join(", ", meant)}");
            }

            checkedSlips++;
        }

        Assert.True(checkedSlips > 10_000, $"only {checkedSlips} slips checked");
    }

    private static IEnumerable<Vocabulary> Vocabularies =>
        [EnglishPhrases.Vocabulary, HebrewPhrases.Vocabulary, RussianPhrases.Vocabulary, UkrainianPhrases.Vocabulary];

    /// <summary>Every letter dropped, doubled and swapped, and changed to a few letters of the word's own.</summary>
    private static IEnumerable<string> Slips(string keyword)
    {
        for (var i = 0; i < keyword.Length; i++)
        {
            yield return keyword.Remove(i, 1);
            yield return keyword.Insert(i, keyword[i].ToString());
            if (i + 1 < keyword.Length)
            {
                yield return string.Concat(
                    keyword.AsSpan(0, i), keyword[i + 1].ToString(), keyword[i].ToString(), keyword.AsSpan(i + 2));
            }

            foreach (var letter in keyword.Distinct())
            {
                yield return string.Concat(keyword.AsSpan(0, i), letter.ToString(), keyword.AsSpan(i + 1));
            }
        }
    }
}
