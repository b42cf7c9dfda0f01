namespace Evacuation.Core.Replies;

/// <summary>
/// Reads one clause: finds every phrase in it, keeps the longest non-overlapping ones (so "not leaving" wins over
/// "leaving", and "thanks for the help" hides "help"), and drops those a nearby negation cancels.
/// </summary>
internal static class ClauseReading
{
    /// <summary>How many words before a phrase a negation still reaches: "haven't actually left", "ещё не выехал".</summary>
    private const int NegationReach = 3;

    /// <summary>How many words after a phrase a trailing negation reaches: "left yet?".</summary>
    private const int NegationReachAfter = 2;

    /// <summary>Adds the meanings of <paramref name="clause"/> to <paramref name="meanings"/>, in the order they are written.</summary>
    public static void AddMeanings(PhraseBook book, string[] clause, bool opensReply, List<ReplyMeaning> meanings)
    {
        var found = Find(book, clause, opensReply);
        if (found.Count == 0)
        {
            return;
        }

        LongestFirst(found);

        var taken = new bool[clause.Length];
        var kept = new List<PhraseMatch>(found.Count);
        foreach (var match in found)
        {
            var span = taken.AsSpan(match.Start, match.Phrase.Words.Length);
            if (!span.Contains(true))
            {
                span.Fill(true);
                kept.Add(match);
            }
        }

        kept.Sort((a, b) => a.Start.CompareTo(b.Start)); // kept matches never share a start
        foreach (var match in kept)
        {
            if (match.Phrase.Meaning is { } meaning && (!match.Phrase.Negatable || !IsNegated(book, clause, taken, match)))
            {
                meanings.Add(meaning);
            }
        }
    }

    private static List<PhraseMatch> Find(PhraseBook book, string[] clause, bool opensReply)
    {
        var found = new List<PhraseMatch>();
        for (var start = 0; start < clause.Length; start++)
        {
            // A phrase's first word is the written word itself or the word without its glued Hebrew prefixes.
            var word = clause[start];
            var glued = WordForms.GluedPrefixes(word);
            for (var stripped = 0; stripped <= glued; stripped++)
            {
                var form = stripped == 0 ? word : word[stripped..];
                if (!book.PhrasesStartingWith.TryGetValue(form, out var phrases))
                {
                    continue;
                }

                foreach (var phrase in phrases)
                {
                    if ((!phrase.OnlyFirst || (opensReply && start == 0)) && IsAt(phrase, clause, start))
                    {
                        found.Add(new PhraseMatch(phrase, start));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Longest first, then the earliest; otherwise in table order (a stable insertion sort: the list is a few matches).</summary>
    private static void LongestFirst(List<PhraseMatch> found)
    {
        for (var i = 1; i < found.Count; i++)
        {
            var match = found[i];
            var j = i - 1;
            while (j >= 0 && Before(match, found[j]))
            {
                found[j + 1] = found[j];
                j--;
            }

            found[j + 1] = match;
        }

        static bool Before(PhraseMatch a, PhraseMatch b) =>
            a.Phrase.Words.Length > b.Phrase.Words.Length || (a.Phrase.Words.Length == b.Phrase.Words.Length && a.Start < b.Start);
    }

    private static bool IsAt(Phrase phrase, string[] clause, int start)
    {
        if (start + phrase.Words.Length > clause.Length)
        {
            return false;
        }

        for (var i = 1; i < phrase.Words.Length; i++)
        {
            if (!WordForms.Same(phrase.Words[i], clause[start + i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNegated(PhraseBook book, string[] clause, bool[] taken, PhraseMatch match)
    {
        // Words inside other phrases ("no transport", "not leaving") do not negate their neighbours.
        for (var i = match.Start - 1; i >= Math.Max(0, match.Start - NegationReach); i--)
        {
            if (!taken[i] && book.IsNegation(clause[i]))
            {
                return true;
            }
        }

        for (var i = match.End; i < Math.Min(clause.Length, match.End + NegationReachAfter); i++)
        {
            if (!taken[i] && WordForms.Of(clause[i]).Any(book.NegationsAfter.Contains))
            {
                return true;
            }
        }

        return false;
    }
}
