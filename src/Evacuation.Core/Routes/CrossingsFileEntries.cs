using System.Text.Json;
using System.Text.Json.Serialization;

namespace Evacuation.Core.Routes;

// The crossings file exactly as written: every field nullable, so a missing one is reported
// by validation with its line instead of surfacing as a default value. Unknown fields land in
// Unknown and are reported too, which catches typos such as "lattitude".

internal sealed class CrossingsFileEntry
{
    public List<CrossingEntry?>? Crossings { get; set; }

    public List<RegionEntry?>? Regions { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class CrossingEntry
{
    public string? Id { get; set; }

    public string? UkrainianSide { get; set; }

    public string? OtherSide { get; set; }

    public Dictionary<string, string?>? Names { get; set; }

    public string? Country { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public bool? Pedestrians { get; set; }

    public bool? Vehicles { get; set; }

    public string? Status { get; set; }

    /// <summary>A string (English) or an object by language code.</summary>
    public JsonElement? Notes { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class RegionEntry
{
    public string? Name { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public List<string?>? Aliases { get; set; }

    public Dictionary<string, string?>? Centre { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
