namespace Evacuation.Core.Replies;

/// <summary>A phrase found in a clause, from word <see cref="Start"/>.</summary>
internal readonly record struct PhraseMatch(Phrase Phrase, int Start)
{
    public int End => Start + Phrase.Words.Length;
}
