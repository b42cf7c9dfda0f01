using Evacuation.Core.Replies;

namespace Evacuation.Core.Tests.Replies;

/// <summary>Guards for whoever extends the word tables.</summary>
public sealed class PhraseBookTests
{
    [Fact]
    public void No_phrase_means_two_different_things()
    {
        var clashes = PhraseBook.Default.Phrases
            .GroupBy(phrase => (Words: phrase.ToString(), phrase.OnlyFirst))
            .Where(same => same.Select(phrase => phrase.Meaning?.ToString() ?? "neutral").Distinct().Count() > 1)
            .Select(same => same.Key.Words);

        Assert.Empty(clashes);
    }

    [Fact]
    public void Every_language_name_points_to_a_language_we_write_in()
    {
        Assert.All(PhraseBook.Default.LanguageNames.Values, code => Assert.Contains(code, Evacuation.Core.Citizens.Language.All));
        Assert.All(Evacuation.Core.Citizens.Language.All, code => Assert.Contains(code, PhraseBook.Default.LanguageNames.Values));
    }

    [Fact]
    public void Help_phrases_are_never_cancelled_by_a_negation()
    {
        var help = PhraseBook.Default.Phrases.Where(phrase => phrase.Meaning?.Status == Evacuation.Core.Citizens.JourneyStatus.NeedsHelp);

        Assert.All(help, phrase => Assert.False(phrase.Negatable, phrase.ToString()));
    }
}
