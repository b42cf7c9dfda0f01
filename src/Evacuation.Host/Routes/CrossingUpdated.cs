namespace Evacuation.Host.Routes;

/// <summary>
/// The answer to <c>PUT /api/crossings/{id}</c>: the crossing as it now is, what the change did to citizens, and a
/// <c>warning</c> when no crossing is left open or congested (null otherwise), and a <c>note</c> when the status asked
/// for is the one it already had (nothing was done twice).
/// </summary>
public sealed record CrossingUpdated(
    CrossingView Crossing,
    RerouteResult Reroute,
    int PlacedFromWaiting,
    string? Warning)
{
    public string? Note { get; init; }
}
