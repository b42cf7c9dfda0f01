namespace Evacuation.Core.Broadcasts;

/// <summary>The two encodings an SMS is sent in, named as Twilio and the operator API name them.</summary>
public static class SmsEncoding
{
    public const string Gsm7 = "GSM-7";
    public const string Ucs2 = "UCS-2";
}
