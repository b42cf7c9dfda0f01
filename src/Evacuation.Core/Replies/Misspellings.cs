namespace Evacuation.Core.Replies;

/// <summary>
/// Finds the keyword a misspelt word was meant to be (<see cref="WordForms.OneSlipFrom"/>: "stpo", "hepl", "выехли",
/// "маршурт"). A word is read as a keyword only when it is no word we know (a word of the tables, or one of the
/// <see cref="Vocabulary.NearMisses"/>: "step" is not "stop", "let" is not "left", "стол" is not "стоп") and every
/// keyword a slip away from it means the same ("stap" could be "stop" or "stay": neither).
/// </summary>
/// <remarks>
/// This runs for every unknown word of every reply, so nothing compares a word with every keyword. A word one slip
/// from a keyword is the keyword with a letter deleted, or the keyword is the word with a letter deleted, or deleting
/// a letter from each gives the same; so the keywords' one-letter deletions are indexed once, and a word of n letters
/// costs about 2n + 1 look-ups (of spans, without allocating) before the few candidates found are checked. Plain hash
/// tables rather than frozen ones: those cost more to build at the first reply and read no faster here.
/// </remarks>
internal sealed class Misspellings
{
    /// <summary>Shorter keywords are never corrected: they have too many one-letter neighbours.</summary>
    public const int ShortestKeyword = 4;

    /// <summary>
    /// Negations are corrected from this length on ("nto" is "not"): a negation missed turns "we have nto left" into a
    /// departure, the most harmful mistake; a slip misread as a negation only leaves a reply for a person to read.
    /// </summary>
    public const int ShortestNegation = 3;

    /// <summary>Longer words are never corrected (no keyword is that long; it also bounds the work).</summary>
    private const int LongestWord = 40;

    private readonly string[] keywords;

    /// <summary>What each keyword stands for: keywords that stand for the same are interchangeable ("traveling",
    /// "travelling"), so a slip close to several of them is no ambiguity.</summary>
    private readonly int[] sense;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> keywordAt;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> deletedFrom;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> known;

    /// <param name="senses">Each word of the tables with what it stands for ("Departed", "negation"); the words of
    /// at least <see cref="ShortestKeyword"/> letters, and the <paramref name="negations"/>, are the keywords a slip
    /// may be read as.</param>
    /// <param name="negations">The negations, corrected from <see cref="ShortestNegation"/> letters on.</param>
    /// <param name="nearMisses">Words never read as something else, besides those of the tables.</param>
    public Misspellings(
        IReadOnlyDictionary<string, string> senses, IReadOnlySet<string> negations, IEnumerable<string> nearMisses)
    {
        keywords = senses.Keys
            .Where(word => word.Length >= (negations.Contains(word) ? ShortestNegation : ShortestKeyword))
            .Where(word => word.Length <= LongestWord && word.All(char.IsLetter))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var senseIds = senses.Values
            .Distinct(StringComparer.Ordinal)
            .Select((sense, id) => (sense, id))
            .ToDictionary(pair => pair.sense, pair => pair.id);
        sense = keywords.Select(word => senseIds[senses[word]]).ToArray();
        keywordAt = keywords
            .Select((word, index) => (word, index))
            .ToDictionary(pair => pair.word, pair => pair.index, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        deletedFrom = keywords
            .SelectMany((word, index) => Deletions(word).Select(deleted => (deleted, index)))
            .GroupBy(pair => pair.deleted, pair => pair.index, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Distinct().ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        known = senses.Keys
            .Concat(nearMisses)
            .ToHashSet(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<string> Keywords => keywords;

    public bool IsKnown(ReadOnlySpan<char> word) => known.Contains(word);

    /// <summary>Replaces each misspelt keyword of <paramref name="clause"/> with the keyword.</summary>
    public void Correct(string[] clause)
    {
        for (var i = 0; i < clause.Length; i++)
        {
            if (KeywordFor(clause[i]) is { } keyword)
            {
                clause[i] = keyword;
            }
        }
    }

    /// <summary>The keyword <paramref name="word"/> is a misspelling of, or null (a word we know, or no single keyword
    /// close enough). A Hebrew word is also tried without its glued prefixes.</summary>
    public string? KeywordFor(string word)
    {
        if (word.Length < ShortestNegation || word.Length > LongestWord || word.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return null;
        }

        var glued = WordForms.GluedPrefixes(word);
        for (var stripped = 0; stripped <= glued; stripped++)
        {
            if (known.Contains(word.AsSpan(stripped)))
            {
                return null;
            }
        }

        var found = new Candidate();
        for (var stripped = 0; stripped <= glued && !found.Ambiguous; stripped++)
        {
            Collect(word.AsSpan(stripped), ref found);
        }

        return found is { Ambiguous: false, Index: >= 0 } ? keywords[found.Index] : null;
    }

    private void Collect(ReadOnlySpan<char> word, ref Candidate found)
    {
        if (deletedFrom.TryGetValue(word, out var longer))
        {
            Consider(longer, word, ref found); // a letter dropped
        }

        Span<char> buffer = stackalloc char[LongestWord];
        for (var i = 0; i < word.Length && !found.Ambiguous; i++)
        {
            if (i > 0 && word[i] == word[i - 1])
            {
                continue; // deleting either of two equal letters gives the same word
            }

            word[..i].CopyTo(buffer);
            word[(i + 1)..].CopyTo(buffer[i..]);
            var shorter = buffer[..(word.Length - 1)];
            if (keywordAt.TryGetValue(shorter, out var index))
            {
                Consider([index], word, ref found); // a letter added or doubled
            }

            if (deletedFrom.TryGetValue(shorter, out var sameLength))
            {
                Consider(sameLength, word, ref found); // a letter changed, or two swapped
            }
        }
    }

    private void Consider(ReadOnlySpan<int> indexes, ReadOnlySpan<char> word, ref Candidate found)
    {
        foreach (var index in indexes)
        {
            if (index == found.Index || !WordForms.OneSlipFrom(keywords[index], word))
            {
                continue;
            }

            if (found.Index < 0)
            {
                found.Index = index;
            }
            else if (sense[index] == sense[found.Index])
            {
                found.Index = Math.Min(found.Index, index); // the same whichever is found first
            }
            else
            {
                found.Ambiguous = true;
                return;
            }
        }
    }

    private static IEnumerable<string> Deletions(string word) =>
        Enumerable.Range(0, word.Length).Select(i => word.Remove(i, 1)).Distinct(StringComparer.Ordinal);

    private struct Candidate()
    {
        public int Index = -1;

        public bool Ambiguous;
    }
}
