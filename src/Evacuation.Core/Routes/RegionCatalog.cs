namespace Evacuation.Core.Routes;

/// <summary>Finds a region by its English name or an alias, ignoring case and surrounding spaces.</summary>
public sealed class RegionCatalog
{
    readonly Dictionary<string, Region> byName = new(StringComparer.OrdinalIgnoreCase);

    public RegionCatalog(IEnumerable<Region> regions)
    {
        foreach (var region in regions)
        {
            Regions.Add(region);
            byName[region.Name] = region;
            foreach (var alias in region.Aliases)
            {
                byName.TryAdd(alias, region);
            }
        }
    }

    public List<Region> Regions { get; } = [];

    public bool TryFind(string name, out Region region)
    {
        region = null!;
        return byName.TryGetValue(name.Trim(), out region!);
    }
}
