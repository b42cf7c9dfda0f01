using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;

namespace Evacuation.Host.Routes;

/// <summary>
/// One crossing as <c>GET /api/crossings</c> shows it: <c>names</c> holds the display name in each language,
/// <c>advice</c> the crossings file's notes by language, <c>notes</c> the operators' own.
/// </summary>
public sealed record CrossingView(
    string Id,
    string Name,
    IReadOnlyDictionary<string, string> Names,
    string UkrainianSide,
    string OtherSide,
    string Country,
    CrossingStatus Status,
    string Notes,
    IReadOnlyDictionary<string, string> Advice,
    bool PedestriansAllowed,
    bool VehiclesAllowed,
    double Latitude,
    double Longitude,
    int CitizensAssigned)
{
    public static CrossingView Of(Crossing c, int citizensAssigned) => new(
        c.Id,
        c.DisplayName(Language.English),
        Language.All.ToDictionary(l => l, c.DisplayName),
        c.UkrainianSide,
        c.OtherSide,
        c.Country,
        c.Status,
        c.Notes,
        c.Advice,
        c.PedestriansAllowed,
        c.VehiclesAllowed,
        c.Location.Latitude,
        c.Location.Longitude,
        citizensAssigned);
}
