namespace Evacuation.Core.Broadcasts;

/// <summary>
/// One built-in message in one language, written twice: for a citizen with an assigned crossing and for one
/// without, so the sentence about the crossing reads naturally either way ("Head for the nearest open border
/// crossing" rather than a gap).
/// </summary>
public sealed record TemplateText(string WithCrossing, string WithoutCrossing)
{
    public string For(bool hasCrossing) => hasCrossing ? WithCrossing : WithoutCrossing;
}
