namespace Evacuation.Core.Replies;

/// <summary>A phrase found in a clause, from word <see cref="Start"/>; <see cref="Exact"/> when no typo was forgiven.</summary>
internal readonly record struct PhraseMatch(Phrase Phrase, int Start, bool Exact)
{
    public int End => Start + Phrase.Words.Length;
}
