namespace Evacuation.Core.Broadcasts;

/// <summary>
/// What fills a template's placeholders for one citizen. <paramref name="Crossing"/> and
/// <paramref name="CrossingDirections"/> are empty while no crossing is assigned; templates still read well then.
/// </summary>
public sealed record MessageValues(
    string Language,
    string Name = "",
    string? Crossing = null,
    string? CrossingDirections = null)
{
    public bool HasCrossing => !string.IsNullOrWhiteSpace(Crossing);

    /// <summary>Who speaks and the hotline (<c>{sender}</c>, <c>{hotline}</c>).</summary>
    public Signature Signature { get; init; } = Signature.None;

    /// <summary>When the message is written (UTC), for <c>{asOf}</c>; null leaves "as of" out.</summary>
    public DateTime? At { get; init; }

    /// <summary>The citizen's check-in token; with <see cref="Broadcasts.Signature.CheckInBaseUrl"/> it makes <c>{checkInLink}</c>.</summary>
    public string? CheckInToken { get; init; }

    /// <summary>The citizen's check-in page, or empty when <c>Web:PublicBaseUrl</c> is not set or the citizen's link was revoked.</summary>
    public string CheckInLink => CheckIn.CheckInLinks.For(Signature.CheckInBaseUrl, CheckInToken);
}
