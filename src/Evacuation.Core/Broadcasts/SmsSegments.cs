namespace Evacuation.Core.Broadcasts;

/// <summary>
/// How an SMS text travels: its encoding, how many segments it is billed and paced as, and how many
/// characters it uses (<see cref="Units"/>: septets in GSM-7, UTF-16 code units in UCS-2).
/// <see cref="Ucs2Characters"/> names the characters that push an otherwise GSM-7 text into UCS-2, so an
/// operator can replace them; it is empty when the text is GSM-7 or is written in a script GSM-7 cannot carry
/// (Hebrew, Cyrillic), where there is nothing to replace.
/// </summary>
/// <remarks>
/// Rules: https://www.twilio.com/docs/glossary/what-sms-character-limit and docs/architecture.md, "Provider facts that shape the code".
/// GSM-7 carries 160 septets in one segment, 153 per segment once split; extension characters take two septets
/// and their escape pair is never split. One character outside GSM-7 makes the whole text UCS-2: 70 units in
/// one segment, 67 per segment; a character outside the BMP takes two units and is never split.
/// An empty text is 0 segments: there is nothing to send (Twilio refuses an empty Body) and nothing to bill.
/// </remarks>
public sealed record SmsSegments(string Encoding, int Count, int Units, IReadOnlyList<string> Ucs2Characters)
{
    public const int Gsm7SingleSegment = 160;
    public const int Gsm7PerSegment = 153;
    public const int Ucs2SingleSegment = 70;
    public const int Ucs2PerSegment = 67;

    public bool IsGsm7 => Encoding == SmsEncoding.Gsm7;

    public static SmsSegments Of(string text)
    {
        if (text.All(Gsm7Alphabet.Contains))
        {
            var septets = text.Select(Gsm7Alphabet.Septets).ToList();
            return new(SmsEncoding.Gsm7, Segments(septets, Gsm7SingleSegment, Gsm7PerSegment), septets.Sum(), []);
        }
        var units = CodePointUnits(text).ToList();
        return new(SmsEncoding.Ucs2, Segments(units, Ucs2SingleSegment, Ucs2PerSegment), text.Length, ForcingUcs2(text));
    }

    /// <summary>
    /// Fills segments in order with pieces that cannot be cut (an escape pair, a surrogate pair): a piece that
    /// does not fit in what is left of a segment starts the next one.
    /// </summary>
    static int Segments(IReadOnlyList<int> pieces, int singleSegment, int perSegment)
    {
        var total = pieces.Sum();
        if (total == 0)
        {
            return 0;
        }
        if (total <= singleSegment)
        {
            return 1;
        }
        var segments = 1;
        var used = 0;
        foreach (var piece in pieces)
        {
            if (used + piece > perSegment)
            {
                segments++;
                used = 0;
            }
            used += piece;
        }
        return segments;
    }

    /// <summary>UTF-16 units of each code point: 2 for a surrogate pair, else 1 (a lone surrogate is sent as one unit).</summary>
    static IEnumerable<int> CodePointUnits(string text)
    {
        for (var i = 0; i < text.Length; i += CodePointLength(text, i))
        {
            yield return CodePointLength(text, i);
        }
    }

    static int CodePointLength(string text, int i) => char.IsSurrogatePair(text, i) ? 2 : 1;

    /// <summary>
    /// The distinct characters outside GSM-7, in order of first appearance, when they are a slip in a GSM-7
    /// text (curly quotes, an emoji, one Cyrillic look-alike). When most letters are outside GSM-7 the text is
    /// simply written in another script, and the list is empty.
    /// </summary>
    static List<string> ForcingUcs2(string text)
    {
        var found = new List<string>();
        var letters = 0;
        var foreignLetters = 0;
        for (var i = 0; i < text.Length; i += CodePointLength(text, i))
        {
            var isLetter = char.IsLetter(text, i);
            if (isLetter)
            {
                letters++;
            }
            if (Gsm7Alphabet.Contains(text[i]))
            {
                continue;
            }
            if (isLetter)
            {
                foreignLetters++;
            }
            var character = text.Substring(i, CodePointLength(text, i));
            if (!found.Contains(character))
            {
                found.Add(character);
            }
        }
        return foreignLetters * 2 > letters ? [] : found;
    }
}
