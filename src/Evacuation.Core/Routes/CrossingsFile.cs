using System.Text;
using System.Text.Json;

namespace Evacuation.Core.Routes;

/// <summary>
/// The crossings file (<c>crossings.json</c>, shipped next to the binaries; <c>Routes:File</c> points elsewhere):
/// the border crossings and the Ukrainian regions we route from. Loading refuses a file with any
/// problem, naming the line, because a wrong crossing sends people to the wrong border.
/// </summary>
public sealed class CrossingsFile
{
    public const string DefaultFileName = "crossings.json";

    readonly Dictionary<string, Crossing> byId;

    internal CrossingsFile(IReadOnlyList<Crossing> crossings, RegionCatalog regions)
    {
        Crossings = crossings;
        Regions = regions;
        byId = crossings.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The crossings in file order. Each <see cref="Crossing"/> is a fresh object, so operators' status changes stay in this instance.</summary>
    public IReadOnlyList<Crossing> Crossings { get; }

    public RegionCatalog Regions { get; }

    /// <summary>Where the build puts the shipped file: next to the application's assemblies.</summary>
    public static string ShippedPath => Path.Combine(AppContext.BaseDirectory, DefaultFileName);

    public bool TryFindCrossing(string id, out Crossing crossing) => byId.TryGetValue(id.Trim(), out crossing!);

    /// <summary>Reads and validates a crossings file; throws <see cref="CrossingsFileException"/> naming the line at fault.</summary>
    public static CrossingsFile Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), Path.GetFileName(path));

    /// <summary>Validates crossings-file JSON; <paramref name="fileName"/> only appears in error messages.</summary>
    public static CrossingsFile Parse(string json, string fileName = DefaultFileName) =>
        new CrossingsFileCheck(fileName, Encoding.UTF8.GetBytes(json)).Run();
}
