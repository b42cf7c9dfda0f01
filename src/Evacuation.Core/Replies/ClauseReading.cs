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

    public static IEnumerable<ReplyMeaning> Meanings(PhraseBook book, string[] clause, bool opensReply)
    {
        var found = Find(book, clause, opensReply)
            .OrderByDescending(match => match.Phrase.Words.Length)
            .ThenByDescending(match => match.Exact)
            .ThenBy(match => match.Start);

        var taken = new bool[clause.Length];
        var kept = new List<PhraseMatch>();
        foreach (var match in found)
        {
            if (taken.AsSpan(match.Start, match.Phrase.Words.Length).Contains(true))
            {
                continue;
            }

            taken.AsSpan(match.Start, match.Phrase.Words.Length).Fill(true);
            kept.Add(match);
        }

        return kept
            .Where(match => match.Phrase.Meaning is not null)
            .Where(match => !match.Phrase.Negatable || !IsNegated(book, clause, taken, match))
            .OrderBy(match => match.Start)
            .Select(match => match.Phrase.Meaning!);
    }

    private static IEnumerable<PhraseMatch> Find(PhraseBook book, string[] clause, bool opensReply)
    {
        for (var start = 0; start < clause.Length; start++)
        {
            foreach (var phrase in book.Phrases)
            {
                if (phrase.OnlyFirst && !(opensReply && start == 0))
                {
                    continue;
                }

                if (Compare(phrase, clause, start) is { } exact)
                {
                    yield return new PhraseMatch(phrase, start, exact);
                }
            }
        }
    }

    /// <summary>Null when the phrase is not at <paramref name="start"/>; otherwise whether it matched without typos.</summary>
    private static bool? Compare(Phrase phrase, string[] clause, int start)
    {
        if (start + phrase.Words.Length > clause.Length)
        {
            return null;
        }

        var exact = true;
        for (var i = 0; i < phrase.Words.Length; i++)
        {
            var word = clause[start + i];
            if (WordForms.Same(phrase.Words[i], word))
            {
                continue;
            }

            if (phrase.Tolerant && WordForms.OneTypoFrom(phrase.Words[i], word))
            {
                exact = false;
                continue;
            }

            return null;
        }

        return exact;
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
