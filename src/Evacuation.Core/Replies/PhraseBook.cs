using System.Collections.Frozen;
using Evacuation.Core.Citizens;

namespace Evacuation.Core.Replies;

/// <summary>All four languages' word tables, folded once into phrases and word sets.</summary>
internal sealed class PhraseBook
{
    public static PhraseBook Default { get; } = new(
        EnglishPhrases.Vocabulary, HebrewPhrases.Vocabulary, RussianPhrases.Vocabulary, UkrainianPhrases.Vocabulary);

    private PhraseBook(params Vocabulary[] vocabularies)
    {
        Negations = WordSet(vocabularies.SelectMany(v => v.Negations));
        NegationsAfter = WordSet(vocabularies.SelectMany(v => v.NegationsAfter));
        LanguageWords = WordSet(vocabularies.SelectMany(v => v.LanguageWords));
        LanguageNames = vocabularies
            .SelectMany(v => v.LanguageNames)
            .SelectMany(names => names.Value.Select(name => (Name: Fold(name), Code: names.Key)))
            .DistinctBy(pair => pair.Name)
            .ToFrozenDictionary(pair => pair.Name, pair => pair.Code, StringComparer.Ordinal);
        Phrases = vocabularies.SelectMany(PhrasesOf).ToArray();
    }

    public IReadOnlyList<Phrase> Phrases { get; }

    public FrozenSet<string> Negations { get; }

    public FrozenSet<string> NegationsAfter { get; }

    public FrozenSet<string> LanguageWords { get; }

    /// <summary>Folded language name to language code.</summary>
    public FrozenDictionary<string, string> LanguageNames { get; }

    public bool IsNegation(string word) => WordForms.Of(word).Any(Negations.Contains);

    public bool IsLanguageWord(string word) => WordForms.Of(word).Any(LanguageWords.Contains);

    public string? LanguageNamed(string word) =>
        WordForms.Of(word).Select(form => LanguageNames.GetValueOrDefault(form)).FirstOrDefault(code => code is not null);

    private IEnumerable<Phrase> PhrasesOf(Vocabulary v) =>
        Status(v.Departed, JourneyStatus.Departed)
            .Concat(Status(v.OnTheWay, JourneyStatus.OnTheWay))
            .Concat(Status(v.Staying, JourneyStatus.Staying))
            .Concat(Status(v.NeedsHelp, JourneyStatus.NeedsHelp))
            .Concat(Make(v.Neutral, meaning: null, onlyFirst: false, tolerant: false))
            .Concat(Make(v.Route, new ReplyMeaning(ReplyKind.Route), onlyFirst: false, tolerant: false))
            .Concat(Make(v.Stop, new ReplyMeaning(ReplyKind.Stop), onlyFirst: false, tolerant: false))
            .Concat(Make(v.StopWhenFirst, new ReplyMeaning(ReplyKind.Stop), onlyFirst: true, tolerant: false))
            .Concat(Make(v.StartWhenFirst, new ReplyMeaning(ReplyKind.Start), onlyFirst: true, tolerant: false))
            .Concat(Make(v.JoinWhenFirst, new ReplyMeaning(ReplyKind.Join), onlyFirst: true, tolerant: false));

    private IEnumerable<Phrase> Status(IEnumerable<string> entries, JourneyStatus status) =>
        Make(entries, ReplyMeaning.Of(status), onlyFirst: false, tolerant: true);

    private IEnumerable<Phrase> Make(IEnumerable<string> entries, ReplyMeaning? meaning, bool onlyFirst, bool tolerant)
    {
        foreach (var entry in entries)
        {
            var words = ReplyText.Words(entry);
            if (words.Length == 0)
            {
                throw new InvalidOperationException($"The reply word table entry '{entry}' folds to nothing.");
            }

            // Asking for help is never cancelled by a negation nearby: safety first (docs/api.md, "Replies").
            var negatable = meaning is not null
                && meaning.Status != JourneyStatus.NeedsHelp
                && !words.Any(Negations.Contains);
            yield return new Phrase(words, meaning, onlyFirst, tolerant && !IsHebrew(words), negatable);
        }
    }

    private static bool IsHebrew(string[] words) => words.Any(word => word.Any(letter => letter is >= '\u0590' and <= '\u05FF'));

    private static string Fold(string entry) => string.Join(' ', ReplyText.Words(entry));

    private static FrozenSet<string> WordSet(IEnumerable<string> entries) =>
        entries.Select(Fold).ToFrozenSet(StringComparer.Ordinal);
}
