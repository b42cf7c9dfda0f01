using Evacuation.Core.Citizens;

namespace Evacuation.Core.Routes;

/// <summary>
/// A road or pedestrian border crossing out of Ukraine. Where it is never changes; its status and notes
/// do, because operators update them as queues grow or a crossing closes.
/// </summary>
public sealed class Crossing
{
    /// <summary>Short slug, stable across releases, used in URLs and stored on citizens (e.g. "shehyni-medyka").</summary>
    public required string Id { get; init; }

    /// <summary>The checkpoint's name on the Ukrainian side (e.g. "Shehyni").</summary>
    public required string UkrainianSide { get; init; }

    /// <summary>The checkpoint's name on the far side (e.g. "Medyka").</summary>
    public required string OtherSide { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code of the country on the far side, one of <see cref="BorderCountry.All"/>.</summary>
    public required string Country { get; init; }

    public required GeoPoint Location { get; init; }

    public bool PedestriansAllowed { get; init; }

    /// <summary>Cars, buses and other vehicles may cross (false for a footbridge: "pedestrians only").</summary>
    public bool VehiclesAllowed { get; init; } = true;

    /// <summary>Display names by language code where they differ from "UkrainianSide-OtherSide".</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Advice from the crossings file by language code ("Ferry over the Danube, daytime only."), added to the
    /// directions in that language only: a language without its own advice gets none rather than another language's.
    /// </summary>
    public IReadOnlyDictionary<string, string> Advice { get; init; } = new Dictionary<string, string>();

    public CrossingStatus Status { get; set; } = CrossingStatus.Open;

    /// <summary>An operator's notes (<c>PUT /api/crossings/{id}</c>), added as written to the directions in every language.</summary>
    public string Notes { get; set; } = "";

    /// <summary>
    /// The name to show in <paramref name="language"/>: the file's name for that language, else the English
    /// one, else "UkrainianSide-OtherSide" (ASCII hyphen). The file refuses English names outside GSM-7, so an
    /// English SMS stays in the cheaper encoding.
    /// </summary>
    public string DisplayName(string language)
    {
        if (Names.TryGetValue(language, out var name) || Names.TryGetValue(Language.English, out name))
        {
            return name;
        }

        return $"{UkrainianSide}-{OtherSide}";
    }

    public override string ToString() => $"{Id} ({Status})";
}
