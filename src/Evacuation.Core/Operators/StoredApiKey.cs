namespace Evacuation.Core.Operators;

/// <summary>An operator key kept in the database. Only the SHA-256 of the key is stored, never the key.</summary>
public sealed class StoredApiKey
{
    public Guid Id { get; set; } = RecordId.New();

    public string Name { get; set; } = "";

    public string KeyHash { get; set; } = "";

    public OperatorRole Role { get; set; }

    public DateTime CreatedAt { get; set; }
}
