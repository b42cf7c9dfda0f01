namespace Evacuation.Fakes;

/// <summary>One Messages.json create the fake received, with its raw form pairs in order.</summary>
public sealed record TwilioRequest(string AccountSid, string? BasicAuthUser, bool Authenticated, IReadOnlyList<KeyValuePair<string, string>> Form)
{
    public string? To => Field("To");

    public string? From => Field("From");

    public string? MessagingServiceSid => Field("MessagingServiceSid");

    public string? Body => Field("Body");

    public string? StatusCallback => Field("StatusCallback");

    /// <summary>Seconds Twilio may keep the message queued (ValidityPeriod), or null when the request set none.</summary>
    public int? ValidityPeriod => Field("ValidityPeriod") is { } seconds ? int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The segments Twilio would bill for <see cref="Body"/>, as the fake answers in num_segments.</summary>
    public int Segments => SmsSegmentCount.Of(Body);

    public string? Field(string name) => Form.Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault();
}
