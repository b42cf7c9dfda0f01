using Microsoft.EntityFrameworkCore;

namespace Evacuation.Data;

/// <summary>The database on PostgreSQL, for several service processes sharing one database. Migrations in Migrations/Postgres.</summary>
public sealed class PostgresEvacuationDb(DbContextOptions<PostgresEvacuationDb> options) : EvacuationDb(options);
