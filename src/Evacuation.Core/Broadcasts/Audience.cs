using Evacuation.Core.Citizens;

namespace Evacuation.Core.Broadcasts;

/// <summary>
/// Who a broadcast is for. Each list narrows the audience; an empty list does not narrow. Opted-out citizens are
/// never in any audience. Regions compare ignoring case; crossings are crossing ids from the crossings file.
/// </summary>
public sealed record Audience(
    IReadOnlyList<JourneyStatus> Statuses,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Crossings)
{
    public static Audience Everyone { get; } = new([], [], []);

    /// <summary>A drill's own broadcasts are for its demo citizens only; every other broadcast leaves them out.</summary>
    public bool Drill { get; init; }
}
