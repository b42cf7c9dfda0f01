using Microsoft.EntityFrameworkCore;

namespace Evacuation.Data;

/// <summary>The database on SQLite: the default, one file, nothing to install. Migrations in Migrations/Sqlite.</summary>
public sealed class SqliteEvacuationDb(DbContextOptions<SqliteEvacuationDb> options) : EvacuationDb(options);
