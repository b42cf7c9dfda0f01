using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Evacuation.Core.Cluster;

/// <summary>
/// The settings every node of a cluster must agree on (the crossings file, the providers' rates), each kept as a
/// short fingerprint of its value, so nodes can compare them through the database without storing the values.
/// </summary>
public sealed class SharedSettings
{
    readonly SortedDictionary<string, string> fingerprints;

    SharedSettings(SortedDictionary<string, string> fingerprints) => this.fingerprints = fingerprints;

    /// <summary>Fingerprints <paramref name="values"/> (setting key to its value as text, or a file's bytes read as text).</summary>
    public static SharedSettings Of(IReadOnlyDictionary<string, string> values) =>
        new(new SortedDictionary<string, string>(values.ToDictionary(v => v.Key, v => Fingerprint(v.Value)), StringComparer.Ordinal));

    /// <summary>Reads what <see cref="ToJson"/> wrote; unreadable text is an empty set (an older node that stored none).</summary>
    public static SharedSettings FromJson(string? json)
    {
        try
        {
            var read = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json);
            return new SharedSettings(new SortedDictionary<string, string>(read ?? [], StringComparer.Ordinal));
        }
        catch (JsonException)
        {
            return new SharedSettings(new SortedDictionary<string, string>(StringComparer.Ordinal));
        }
    }

    public string ToJson() => JsonSerializer.Serialize(fingerprints);

    /// <summary>The keys whose values differ from <paramref name="other"/>'s, in key order; a key only one side has is left out.</summary>
    public IReadOnlyList<string> DifferencesFrom(SharedSettings other) =>
        [.. fingerprints.Where(f => other.fingerprints.TryGetValue(f.Key, out var theirs) && theirs != f.Value).Select(f => f.Key)];

    static string Fingerprint(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
}
