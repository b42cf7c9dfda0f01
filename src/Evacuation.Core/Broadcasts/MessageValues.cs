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

    /// <summary>Values of ordinary length in <paramref name="language"/>, to estimate SMS segments before a broadcast.</summary>
    public static MessageValues Typical(string language)
    {
        var wording = Wordings.For(language);
        return new(wording.Language, "Olena Kovalenko", wording.TypicalCrossing, wording.TypicalDirections);
    }
}
