using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Evacuation.Core.Citizens;

namespace Evacuation.Core.Routes;

/// <summary>Turns the crossings file into domain objects, refusing it at the first problem with the line at fault.</summary>
internal sealed partial class CrossingsFileCheck(string fileName, byte[] utf8)
{
    // Operators edit this file by hand: comments and a trailing comma are forgiven, typos in names are not.
    static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    JsonLineMap lines = null!;

    public CrossingsFile Run()
    {
        var file = Read();
        if (lines.Repeated.Count > 0)
        {
            var (path, line) = lines.Repeated[0];
            throw new CrossingsFileException(fileName, line, $"{path} is given twice (first on line {lines.LineOf(path)})");
        }

        RefuseUnknownFields(file.Unknown, "");
        return new CrossingsFile(ToCrossings(file.Crossings), new RegionCatalog(ToRegions(file.Regions ?? [])));
    }

    List<Crossing> ToCrossings(List<CrossingEntry?>? entries)
    {
        if (entries is null || entries.Count == 0)
        {
            throw Problem("crossings", "the file lists no crossings (expected a \"crossings\" array)");
        }

        var crossings = new List<Crossing>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < entries.Count; i++)
        {
            var crossing = ToCrossing(entries[i], $"crossings[{i}]", i);
            if (!firstLineOfId.TryAdd(crossing.Id, lines.LineOf($"crossings[{i}].id")))
            {
                throw Problem($"crossings[{i}].id", $"crossing id '{crossing.Id}' appears twice (first on line {firstLineOfId[crossing.Id]})");
            }

            crossings.Add(crossing);
        }

        return crossings;
    }

    List<Region> ToRegions(List<RegionEntry?> entries)
    {
        var regions = new List<Region>();
        var firstLineOfName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < entries.Count; i++)
        {
            var region = ToRegion(entries[i], $"regions[{i}]", i);
            foreach (var name in region.Aliases.Prepend(region.Name))
            {
                var key = RegionCatalog.Key(name);
                if (!firstLineOfName.TryAdd(key, lines.LineOf($"regions[{i}]")))
                {
                    throw Problem($"regions[{i}]", $"region name or alias '{name}' is already used on line {firstLineOfName[key]}");
                }
            }

            regions.Add(region);
        }

        return regions;
    }

    CrossingsFileEntry Read()
    {
        try
        {
            lines = JsonLineMap.Read(utf8, ReaderOptions);
        }
        catch (JsonException e)
        {
            throw new CrossingsFileException(fileName, LineOf(e), $"not valid JSON: {WithoutPosition(e.Message)}", e);
        }

        try
        {
            return JsonSerializer.Deserialize<CrossingsFileEntry>(utf8, SerializerOptions)
                ?? throw Problem("", "the file is empty (expected an object with \"crossings\" and \"regions\")");
        }
        catch (JsonException e)
        {
            var where = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            var what = where.Length == 0 ? "the file" : where;
            throw new CrossingsFileException(fileName, LineOf(e), $"{what} has a value of the wrong type (expected an object with \"crossings\" and \"regions\" as in the shipped file)", e);
        }
    }

    Crossing ToCrossing(CrossingEntry? entry, string path, int index)
    {
        if (entry is null)
        {
            throw Problem(path, $"crossing #{index + 1} is not an object");
        }

        var id = entry.Id?.Trim() ?? "";
        var label = id.Length == 0 ? $"crossing #{index + 1}" : $"crossing '{id}'";
        RefuseUnknownFields(entry.Unknown, path, label);
        if (id.Length == 0)
        {
            throw Problem($"{path}.id", $"{label} has no id");
        }

        if (!SlugPattern().IsMatch(id))
        {
            throw Problem($"{path}.id", $"{label}: id must be lower-case letters, digits and single hyphens (it appears in URLs)");
        }

        var ukrainianSide = Required(entry.UkrainianSide, $"{path}.ukrainianSide", $"{label} has no ukrainianSide name");
        var otherSide = Required(entry.OtherSide, $"{path}.otherSide", $"{label} has no otherSide name");
        var names = ByLanguage(entry.Names, $"{path}.names", label, "name");
        var englishName = names.GetValueOrDefault(Language.English) ?? $"{ukrainianSide}-{otherSide}";
        RequireGsm7(englishName, names.ContainsKey(Language.English) ? $"{path}.names.en" : path, $"{label}'s English name", "names.en");
        var country = Country(entry.Country, path, label);
        var location = Location(entry.Latitude, entry.Longitude, path, label);
        if (entry.Pedestrians is not { } pedestrians)
        {
            throw Problem(path, $"{label} does not say whether pedestrians may cross (\"pedestrians\": true or false)");
        }

        var vehicles = entry.Vehicles ?? true;
        if (!pedestrians && !vehicles)
        {
            throw Problem($"{path}.vehicles", $"{label} lets neither pedestrians nor vehicles cross: set \"pedestrians\" or \"vehicles\" to true");
        }

        var advice = Advice(entry.Notes, $"{path}.notes", label);
        var status = Status(entry.Status, path, label);
        return new Crossing
        {
            Id = id,
            UkrainianSide = ukrainianSide,
            OtherSide = otherSide,
            Names = names,
            Country = country,
            Location = location,
            PedestriansAllowed = pedestrians,
            VehiclesAllowed = vehicles,
            Advice = advice,
            Status = status,
        };
    }

    string Country(string? given, string path, string label)
    {
        var country = Required(given, $"{path}.country", $"{label} has no country").ToUpperInvariant();
        return BorderCountry.IsKnown(country)
            ? country
            : throw Problem($"{path}.country", $"{label} has unknown country '{given}' (expected {string.Join(", ", BorderCountry.All)})");
    }

    CrossingStatus Status(string? given, string path, string label)
    {
        var statusText = Required(given, $"{path}.status", $"{label} has no status");
        if (!Enum.TryParse<CrossingStatus>(statusText, ignoreCase: true, out var status) || !Enum.IsDefined(status) || char.IsDigit(statusText.Trim()[0]))
        {
            throw Problem($"{path}.status", $"{label} has unknown status '{statusText}' (expected {string.Join(", ", Enum.GetNames<CrossingStatus>())})");
        }

        return status;
    }

    Region ToRegion(RegionEntry? entry, string path, int index)
    {
        if (entry is null)
        {
            throw Problem(path, $"region #{index + 1} is not an object");
        }

        var name = entry.Name?.Trim() ?? "";
        var label = name.Length == 0 ? $"region #{index + 1}" : $"region '{name}'";
        RefuseUnknownFields(entry.Unknown, path, label);
        Required(name, $"{path}.name", $"{label} has no name");
        var location = Location(entry.Latitude, entry.Longitude, path, label);
        var aliases = new List<string>();
        var aliasList = entry.Aliases ?? [];
        for (var i = 0; i < aliasList.Count; i++)
        {
            aliases.Add(Required(aliasList[i], $"{path}.aliases[{i}]", $"{label} has an empty alias"));
        }

        var centre = ByLanguage(entry.Centre, $"{path}.centre", label, "centre");
        if (centre.TryGetValue(Language.English, out var englishCentre))
        {
            RequireGsm7(englishCentre, $"{path}.centre.en", $"{label}'s English centre", "centre.en");
        }

        return new Region(name, location.Latitude, location.Longitude, aliases) { Centre = centre };
    }

    GeoPoint Location(double? latitude, double? longitude, string path, string label)
    {
        if (latitude is not { } lat)
        {
            throw Problem(path, $"{label} has no latitude");
        }

        if (longitude is not { } lon)
        {
            throw Problem(path, $"{label} has no longitude");
        }

        // Checked against the area we serve, not just -90..90: swapped latitude and longitude are both
        // "valid" numbers but would put a Polish crossing in Africa.
        if (lat is < ServiceArea.MinLatitude or > ServiceArea.MaxLatitude)
        {
            throw Problem($"{path}.latitude", Invariant($"{label} has latitude {lat} outside the area around Ukraine ({ServiceArea.MinLatitude} to {ServiceArea.MaxLatitude})"));
        }

        if (lon is < ServiceArea.MinLongitude or > ServiceArea.MaxLongitude)
        {
            throw Problem($"{path}.longitude", Invariant($"{label} has longitude {lon} outside the area around Ukraine ({ServiceArea.MinLongitude} to {ServiceArea.MaxLongitude})"));
        }

        return new GeoPoint(lat, lon);
    }

    /// <summary>Texts keyed by language code (names, a region's centre), each known and not empty.</summary>
    Dictionary<string, string> ByLanguage(Dictionary<string, string?>? given, string path, string label, string what)
    {
        var texts = new Dictionary<string, string>();
        foreach (var (language, text) in given ?? [])
        {
            if (!Language.TryParse(language, out var code))
            {
                throw Problem($"{path}.{language}", $"{label} has a {what} in unknown language '{language}' (expected {string.Join(", ", Language.All)})");
            }

            texts[code] = Required(text, $"{path}.{language}", $"{label} has an empty '{language}' {what}");
        }

        return texts;
    }

    /// <summary>
    /// The file's notes, which go to citizens as advice: a string is English; an object gives them by language, and a
    /// language left out gets none (never another language's).
    /// </summary>
    Dictionary<string, string> Advice(JsonElement? notes, string path, string label)
    {
        var advice = notes switch
        {
            null or { ValueKind: JsonValueKind.Null } => [],
            { ValueKind: JsonValueKind.String } text when string.IsNullOrWhiteSpace(text.GetString()) => [],
            { ValueKind: JsonValueKind.String } text => new Dictionary<string, string> { [Language.English] = text.GetString()!.Trim() },
            { ValueKind: JsonValueKind.Object } byLanguage => ByLanguage(
                byLanguage.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null),
                path, label, "note"),
            _ => throw Problem(path, $"{label} has notes that are neither text nor an object by language (\"notes\": {{ \"en\": \"...\", \"uk\": \"...\" }})"),
        };
        if (advice.TryGetValue(Language.English, out var english))
        {
            RequireGsm7(english, $"{path}.en", $"{label}'s English note", "notes.en");
        }

        return advice;
    }

    /// <summary>One letter outside GSM-7 makes every English SMS that carries this text UCS-2: two to three times the segments.</summary>
    void RequireGsm7(string text, string path, string what, string field)
    {
        var outside = text.Where(c => !Broadcasts.Gsm7Alphabet.Contains(c)).Distinct().ToList();
        if (outside.Count > 0)
        {
            throw Problem(path, $"{what} '{text}' has characters an English SMS cannot carry cheaply ({string.Join(" ", outside.Select(c => $"'{c}'"))}): write {field} in plain letters and ASCII hyphens");
        }
    }

    string Required(string? value, string path, string problem)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length > 0 ? trimmed : throw Problem(path, problem);
    }

    void RefuseUnknownFields(Dictionary<string, JsonElement>? unknown, string path, string label = "the file")
    {
        if (unknown is { Count: > 0 })
        {
            var field = unknown.Keys.First();
            var fieldPath = path.Length == 0 ? field : $"{path}.{field}";
            throw Problem(fieldPath, $"{label} has unknown field '{field}'");
        }
    }

    CrossingsFileException Problem(string path, string problem) => new(fileName, lines.LineOf(path), problem);

    // Numbers in messages read the same on every machine, whatever its culture.
    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    static int LineOf(JsonException e) => (int)(e.LineNumber ?? 0) + 1;

    // JsonException messages end with "LineNumber: 3 | BytePositionInLine: 7."; we already say the line.
    static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim().TrimEnd('.', '|').Trim();
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
