namespace Evacuation.Core.Routes;

/// <summary>
/// Where a citizen's distance is measured from: their shared location (<see cref="Region"/> null), or the centre of
/// their region, which directions then name ("70 km west of central Lviv") rather than pretend it is where they are.
/// </summary>
public readonly record struct Origin(GeoPoint Point, Region? Region)
{
    public bool IsSharedLocation => Region is null;
}
