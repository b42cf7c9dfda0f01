namespace Evacuation.Data;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
