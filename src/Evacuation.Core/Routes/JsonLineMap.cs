using System.Text.Json;

namespace Evacuation.Core.Routes;

/// <summary>
/// Remembers on which line every value of a JSON document starts, keyed by its path
/// ("crossings[3]", "crossings[3].latitude"). System.Text.Json's document and serializer forget
/// positions, so one pass of <see cref="Utf8JsonReader"/> records them and validation looks them up.
/// For a property the line is that of its name, which is where a person looks for it.
/// </summary>
internal sealed class JsonLineMap
{
    readonly Dictionary<string, int> lines = new(StringComparer.OrdinalIgnoreCase);
    readonly List<(string Path, int Line)> repeated = [];

    /// <summary>
    /// Properties written twice in one object. JSON readers disagree on which one wins (ours takes the last),
    /// so a person editing the file would not know which value is in force.
    /// </summary>
    public IReadOnlyList<(string Path, int Line)> Repeated => repeated;

    /// <summary>Reads the whole document; throws <see cref="JsonException"/> (with LineNumber) on malformed JSON.</summary>
    public static JsonLineMap Read(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var map = new JsonLineMap();
        var reader = new Utf8JsonReader(utf8, options);
        var containers = new Stack<Container>();
        var line = 1;
        var counted = 0;

        while (reader.Read())
        {
            // Count newlines only between the previous token and this one: one linear pass over the file.
            var start = (int)reader.TokenStartIndex;
            line += utf8[counted..start].Count((byte)'\n');
            counted = start;

            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                var parent = containers.Peek();
                parent.Property = reader.GetString() ?? "";
                var propertyPath = Join(parent.Path, parent.Property);
                if (!map.lines.TryAdd(propertyPath, line))
                {
                    map.repeated.Add((propertyPath, line));
                }

                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                containers.Pop();
                continue;
            }

            var path = containers.Count == 0 ? "" : containers.Peek().NextValuePath();
            map.lines.TryAdd(path, line);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push(new Container(path, reader.TokenType == JsonTokenType.StartArray));
            }
        }

        return map;
    }

    /// <summary>The line of <paramref name="path"/>, else of the nearest enclosing value that exists, else 1.</summary>
    public int LineOf(string path)
    {
        while (true)
        {
            if (lines.TryGetValue(path, out var line))
            {
                return line;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return lines.GetValueOrDefault(path[..Math.Max(cut, 0)], 1);
            }

            path = path[..cut];
        }
    }

    static string Join(string parent, string property) => parent.Length == 0 ? property : $"{parent}.{property}";

    sealed class Container(string path, bool isArray)
    {
        int index;

        public string Path { get; } = path;

        public string Property { get; set; } = "";

        public string NextValuePath() => isArray ? $"{Path}[{index++}]" : Join(Path, Property);
    }
}
