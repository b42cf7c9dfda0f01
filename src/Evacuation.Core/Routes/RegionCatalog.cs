using System.Text.RegularExpressions;

namespace Evacuation.Core.Routes;

/// <summary>
/// Finds a region by its English name or an alias, ignoring case, surrounding and repeated spaces, and
/// which apostrophe was typed ("Kam'ianske" and "Kam’ianske" are the same place).
/// </summary>
public sealed partial class RegionCatalog
{
    readonly Dictionary<string, Region> byName = new(StringComparer.OrdinalIgnoreCase);

    public RegionCatalog(IEnumerable<Region> regions)
    {
        foreach (var region in regions)
        {
            Regions.Add(region);
            byName[Key(region.Name)] = region;
            foreach (var alias in region.Aliases)
            {
                byName.TryAdd(Key(alias), region);
            }
        }
    }

    public List<Region> Regions { get; } = [];

    public bool TryFind(string name, out Region region)
    {
        region = null!;
        return byName.TryGetValue(Key(name), out region!);
    }

    /// <summary>The form names are compared in: trimmed, single spaces, one kind of apostrophe (case is ignored by the lookup).</summary>
    internal static string Key(string name) => Spaces().Replace(Apostrophes().Replace(name.Trim(), "'"), " ");

    [GeneratedRegex("[\u2019\u02BC\u2018`\u00B4]")]
    private static partial Regex Apostrophes();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
