namespace Evacuation.Fakes;

/// <summary>
/// How many segments Twilio bills for a Body, counted here independently of the service's own code so a test can
/// compare the service's estimate with what was actually sent. Rules from
/// https://www.twilio.com/docs/glossary/what-sms-character-limit: a Body all in the GSM 03.38 default alphabet is
/// GSM-7 (160 septets, or 153 per segment when split; the extension characters take two septets and are not split
/// from their escape); anything else is UCS-2 (70 UTF-16 units, or 67 per segment; a surrogate pair is not split).
/// </summary>
public static class SmsSegmentCount
{
    const string Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    const string Extension = "\f^{}\\[~]|€";

    public static bool IsGsm7(string body) => body.All(c => Basic.Contains(c, StringComparison.Ordinal) || Extension.Contains(c, StringComparison.Ordinal));

    public static int Of(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return 0;
        }
        var gsm = IsGsm7(body);
        var pieces = new List<int>();
        for (var i = 0; i < body.Length; i++)
        {
            if (gsm)
            {
                pieces.Add(Extension.Contains(body[i], StringComparison.Ordinal) ? 2 : 1);
            }
            else if (char.IsHighSurrogate(body[i]) && i + 1 < body.Length && char.IsLowSurrogate(body[i + 1]))
            {
                pieces.Add(2);
                i++;
            }
            else
            {
                pieces.Add(1);
            }
        }
        var (single, split) = gsm ? (160, 153) : (70, 67);
        if (pieces.Sum() <= single)
        {
            return 1;
        }
        var segments = 1;
        var used = 0;
        foreach (var piece in pieces)
        {
            if (used + piece > split)
            {
                segments++;
                used = 0;
            }
            used += piece;
        }
        return segments;
    }
}
