namespace Evacuation.Data;

/// <summary><c>Storage:Provider</c> and <c>ConnectionStrings:Evacuation</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string DefaultSqlite = "Data Source=evacuation.db";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
}
