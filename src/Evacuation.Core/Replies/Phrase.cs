namespace Evacuation.Core.Replies;

/// <summary>One entry of the word tables, already folded into words.</summary>
/// <param name="Meaning">What the phrase means; null for a neutral phrase that only hides its words.</param>
/// <param name="OnlyFirst">Counts only when it opens the reply.</param>
/// <param name="Negatable">A negation before it cancels it. Never true for help, nor for phrases that already
/// carry their own negation ("not leaving").</param>
internal sealed record Phrase(string[] Words, ReplyMeaning? Meaning, bool OnlyFirst, bool Negatable)
{
    public override string ToString() => string.Join(' ', Words);
}
