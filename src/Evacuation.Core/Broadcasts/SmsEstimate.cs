namespace Evacuation.Core.Broadcasts;

/// <summary>
/// One line of a broadcast's SMS estimate: what one language's messages cost. The texts are the ones the recipients
/// will get (rendered for each of them, or for each group of them that gets the same text), so
/// <see cref="TotalSegments"/> is what the provider will count. <see cref="Segments"/> is the longest message's,
/// <see cref="Encoding"/> is UCS-2 when any message is, and <see cref="Ucs2Characters"/> names what forced it.
/// </summary>
public sealed record SmsEstimate(
    string Language,
    string Encoding,
    int Segments,
    int Recipients,
    long TotalSegments,
    IReadOnlyList<string> Ucs2Characters)
{
    /// <summary>One text sent to <paramref name="recipients"/> citizens.</summary>
    public static SmsEstimate For(string language, string text, int recipients) => Of(language, [(text, recipients)]);

    /// <summary>The messages of one language: each distinct text with how many recipients get it.</summary>
    public static SmsEstimate Of(string language, IEnumerable<(string Text, int Recipients)> messages)
    {
        var encoding = SmsEncoding.Gsm7;
        var segments = 0;
        var recipients = 0;
        var total = 0L;
        var forcing = new List<string>();
        foreach (var (text, count) in messages)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            var sms = SmsSegments.Of(text);
            if (!sms.IsGsm7)
            {
                encoding = SmsEncoding.Ucs2;
            }
            segments = Math.Max(segments, sms.Count);
            recipients += count;
            total += (long)sms.Count * count;
            forcing.AddRange(sms.Ucs2Characters.Where(c => !forcing.Contains(c)));
        }
        return new(language, encoding, segments, recipients, total, forcing);
    }
}
