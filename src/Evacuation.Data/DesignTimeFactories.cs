using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Evacuation.Data;

// Used only by `dotnet ef migrations add`: one factory per provider so each scaffolds its own migrations.
sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEvacuationDb>
{
    public SqliteEvacuationDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEvacuationDb>().UseSqlite(StorageOptions.DefaultSqlite).Options);
}

sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEvacuationDb>
{
    public PostgresEvacuationDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresEvacuationDb>().UseNpgsql("Host=localhost;Database=evacuation").Options);
}
