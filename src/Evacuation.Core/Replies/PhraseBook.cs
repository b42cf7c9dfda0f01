using System.Collections.Frozen;
using Evacuation.Core.Citizens;

namespace Evacuation.Core.Replies;

/// <summary>
/// All four languages' word tables, folded once into phrases (indexed by their first word), word sets, and the
/// keywords a misspelt word may be read as.
/// </summary>
internal sealed class PhraseBook
{
    public static PhraseBook Default { get; } = new(
        EnglishPhrases.Vocabulary, HebrewPhrases.Vocabulary, RussianPhrases.Vocabulary, UkrainianPhrases.Vocabulary);

    private PhraseBook(params Vocabulary[] vocabularies)
    {
        Negations = WordSet(vocabularies.SelectMany(v => v.Negations));
        NegationsAfter = WordSet(vocabularies.SelectMany(v => v.NegationsAfter));
        LanguageWords = WordSet(vocabularies.SelectMany(v => v.LanguageWords));
        Commands = WordSet(vocabularies.SelectMany(v => v.Commands));
        LanguageNames = vocabularies
            .SelectMany(v => v.LanguageNames)
            .SelectMany(names => names.Value.Select(name => (Name: Fold(name), Code: names.Key)))
            .DistinctBy(pair => pair.Name)
            .ToFrozenDictionary(pair => pair.Name, pair => pair.Code, StringComparer.Ordinal);
        Phrases = vocabularies.SelectMany(PhrasesOf).ToArray();
        PhrasesStartingWith = Phrases
            .GroupBy(phrase => phrase.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);

        // The near misses are written folded already (a test checks it): folding thousands of words would slow the start.
        Misspellings = new Misspellings(Senses(), Negations, vocabularies.SelectMany(v => v.NearMisses));
    }

    public IReadOnlyList<Phrase> Phrases { get; }

    /// <summary>The phrases by their first word, so a clause is compared only with phrases that can start there.</summary>
    public FrozenDictionary<string, Phrase[]> PhrasesStartingWith { get; }

    public FrozenSet<string> Negations { get; }

    public FrozenSet<string> NegationsAfter { get; }

    public FrozenSet<string> LanguageWords { get; }

    /// <summary>Command names that are ours (<see cref="Vocabulary.Commands"/>).</summary>
    public FrozenSet<string> Commands { get; }

    /// <summary>Folded language name to language code.</summary>
    public FrozenDictionary<string, string> LanguageNames { get; }

    public Misspellings Misspellings { get; }

    public bool IsNegation(string word) => WordForms.Of(word).Any(Negations.Contains);

    public bool IsLanguageWord(string word) => WordForms.Of(word).Any(LanguageWords.Contains);

    public string? LanguageNamed(string word) =>
        WordForms.Of(word).Select(form => LanguageNames.GetValueOrDefault(form)).FirstOrDefault(code => code is not null);

    /// <summary>True for a command name of ours, also misspelt ("/stpo").</summary>
    public bool IsCommand(string word) =>
        Commands.Contains(word) || (Misspellings.KeywordFor(word) is { } meant && Commands.Contains(meant));

    /// <summary>
    /// Every word of the tables with what it stands for: the meanings of the phrases it is in ("help": NeedsHelp, though
    /// "thanks for the help" is neutral), or "neutral" when that is all it is in ("vyehat", to leave), and its roles
    /// (negation, language word or name). A command name is also a phrase, so being one adds nothing.
    /// </summary>
    private Dictionary<string, string> Senses()
    {
        const string neutral = "neutral";
        IEnumerable<(string Word, string Sense)> uses =
        [
            .. Phrases.SelectMany(phrase => phrase.Words.Select(word => (word, phrase.Meaning?.ToString() ?? neutral))),
            .. Negations.Select(word => (word, "negation")), .. NegationsAfter.Select(word => (word, "negation after")),
            .. LanguageWords.Select(word => (word, "language word")), .. Commands.Select(word => (word, neutral)),
            .. LanguageNames.SelectMany(name => name.Key.Split(' ').Select(word => (word, "language " + name.Value))),
        ];
        return uses
            .GroupBy(use => use.Word, use => use.Sense, StringComparer.Ordinal)
            .ToDictionary(
                word => word.Key,
                word =>
                {
                    var senses = word.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                    return string.Join(", ", senses.Count > 1 ? senses.Where(sense => sense != neutral) : senses);
                },
                StringComparer.Ordinal);
    }

    private IEnumerable<Phrase> PhrasesOf(Vocabulary v) =>
        Make(v.Departed, ReplyMeaning.Of(JourneyStatus.Departed), onlyFirst: false)
            .Concat(Make(v.OnTheWay, ReplyMeaning.Of(JourneyStatus.OnTheWay), onlyFirst: false))
            .Concat(Make(v.Staying, ReplyMeaning.Of(JourneyStatus.Staying), onlyFirst: false))
            .Concat(Make(v.NeedsHelp, ReplyMeaning.Of(JourneyStatus.NeedsHelp), onlyFirst: false))
            .Concat(Make(v.Neutral, meaning: null, onlyFirst: false))
            .Concat(Make(v.Route, new ReplyMeaning(ReplyKind.Route), onlyFirst: false))
            .Concat(Make(v.Stop, new ReplyMeaning(ReplyKind.Stop), onlyFirst: false))
            .Concat(Make(v.StopWhenFirst, new ReplyMeaning(ReplyKind.Stop), onlyFirst: true))
            .Concat(Make(v.StartWhenFirst, new ReplyMeaning(ReplyKind.Start), onlyFirst: true))
            .Concat(Make(v.JoinWhenFirst, new ReplyMeaning(ReplyKind.Join), onlyFirst: true));

    private IEnumerable<Phrase> Make(IEnumerable<string> entries, ReplyMeaning? meaning, bool onlyFirst)
    {
        foreach (var entry in entries)
        {
            var words = ReplyText.Words(entry);
            if (words.Length == 0)
            {
                throw new InvalidOperationException($"The reply word table entry '{entry}' folds to nothing.");
            }

            // Asking for help is never cancelled by a negation nearby: safety first (README, "Citizens' replies").
            var negatable = meaning is not null
                && meaning.Status != JourneyStatus.NeedsHelp
                && !words.Any(Negations.Contains);
            yield return new Phrase(words, meaning, onlyFirst, negatable);
        }
    }

    private static string Fold(string entry) => string.Join(' ', ReplyText.Words(entry));

    private static FrozenSet<string> WordSet(IEnumerable<string> entries) =>
        entries.Select(Fold).ToFrozenSet(StringComparer.Ordinal);
}
