namespace Evacuation.Core.Broadcasts;

/// <summary>
/// One line of a broadcast's SMS estimate (CONTRACT.md section 3): what one language's message costs per
/// recipient and in total. <see cref="Segments"/> is for the text filled with typical values
/// (<see cref="MessageValues.Typical"/>); real names and crossings may make some messages a segment longer.
/// </summary>
public sealed record SmsEstimate(
    string Language,
    string Encoding,
    int Segments,
    int Recipients,
    long TotalSegments,
    IReadOnlyList<string> Ucs2Characters)
{
    public static SmsEstimate For(string language, string text, int recipients)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recipients);
        var sms = SmsSegments.Of(text);
        return new(language, sms.Encoding, sms.Count, recipients, (long)sms.Count * recipients, sms.Ucs2Characters);
    }

    /// <summary>The estimate for a broadcast of <paramref name="kind"/> in <paramref name="language"/>, filled with typical values.</summary>
    public static SmsEstimate For(BroadcastKind kind, string? operatorText, string language, int recipients) =>
        For(language, BroadcastText.Compose(kind, operatorText, MessageValues.Typical(language)), recipients);
}
