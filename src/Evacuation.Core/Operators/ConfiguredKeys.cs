namespace Evacuation.Core.Operators;

/// <summary>A key from <c>Operators:ApiKeys</c>, already hashed; <see cref="Index"/> names it in messages.</summary>
public sealed record ConfiguredKey(int Index, string Name, OperatorRole Role, string Hash);

/// <summary>What start-up does to the keys table so that it holds the configured keys (see <see cref="ConfiguredKeys.Plan"/>).</summary>
public sealed record KeyPlan(
    IReadOnlyList<ConfiguredKey> Insert,
    IReadOnlyList<(StoredApiKey Key, ConfiguredKey As)> Update,
    IReadOnlyList<StoredApiKey> Revoke,
    IReadOnlyList<string> Warnings,
    string? Refusal,
    bool NeedsFirstKey);

/// <summary>
/// Configured keys live in the keys table like created ones, so every node checks one list. At each start the
/// configured keys are written there by hash: new ones added, changed names and roles updated; configured rows no
/// longer configured are revoked; a configured key revoked through the API stays revoked (with a warning); the
/// first-start key is revoked once an Admin key is configured. With no key left, a first-start key is needed.
/// </summary>
public static class ConfiguredKeys
{
    public static KeyPlan Plan(IReadOnlyList<ConfiguredKey> configured, IReadOnlyList<StoredApiKey> stored)
    {
        var byHash = stored.ToDictionary(k => k.KeyHash, StringComparer.OrdinalIgnoreCase);
        var insert = new List<ConfiguredKey>();
        var update = new List<(StoredApiKey, ConfiguredKey)>();
        var warnings = new List<string>();
        var kept = new List<ConfiguredKey>();
        foreach (var key in configured)
        {
            if (!byHash.TryGetValue(key.Hash, out var row))
            {
                insert.Add(key);
                kept.Add(key);
            }
            else if (!row.IsActive)
            {
                warnings.Add($"Operators:ApiKeys:{key.Index} ('{key.Name}') was revoked and stays refused; remove it from the configuration");
            }
            else
            {
                kept.Add(key);
                if (row.Name != key.Name || row.Role != key.Role || row.Source != KeySource.Configured)
                {
                    update.Add((row, key));
                }
            }
        }

        var keptHashes = kept.Select(k => k.Hash).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var revoke = stored.Where(k => k.IsActive && k.Source == KeySource.Configured && !keptHashes.Contains(k.KeyHash)).ToList();
        if (kept.Any(k => k.Role == OperatorRole.Admin))
        {
            revoke.AddRange(stored.Where(k => k.IsActive && k.Source == KeySource.FirstStart && !keptHashes.Contains(k.KeyHash)));
        }

        var others = stored.Where(k => k.IsActive && !keptHashes.Contains(k.KeyHash) && !revoke.Contains(k)).ToList();
        var clash = kept.FirstOrDefault(k => others.Any(o => KeyName.Same(o.Name, k.Name)));
        var refusal = clash is null
            ? null
            : $"Operators:ApiKeys:{clash.Index}:Name '{clash.Name}' is already the name of a key created through /api/keys; rename one of them or revoke that key";
        return new KeyPlan(insert, update, revoke, warnings, refusal, NeedsFirstKey: kept.Count == 0 && others.Count == 0);
    }
}
