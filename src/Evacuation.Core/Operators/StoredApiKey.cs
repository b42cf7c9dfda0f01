namespace Evacuation.Core.Operators;

/// <summary>
/// An operator key kept in the database, whether configured or created: every node checks keys against this table.
/// Only the SHA-256 of the key is stored, never the key.
/// </summary>
public sealed class StoredApiKey
{
    public Guid Id { get; set; } = RecordId.New();

    /// <summary>Shown in the audit log; unique among the keys not revoked.</summary>
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the key, upper-case hex.</summary>
    public string KeyHash { get; set; } = "";

    public OperatorRole Role { get; set; }

    public KeySource Source { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The key that created it, or "configuration" / "first start".</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>When it last signed a request in, to the minute (written at most once a minute).</summary>
    public DateTime? LastUsedAt { get; set; }

    /// <summary>Set once revoked; a revoked key is never accepted again, on any node.</summary>
    public DateTime? RevokedAt { get; set; }

    public bool IsActive => RevokedAt is null;
}
