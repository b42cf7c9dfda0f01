using Evacuation.Core.Auditing;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Drills;
using Evacuation.Core.Operators;
using Evacuation.Core.Routes;
using Evacuation.Core.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Evacuation.Data;

/// <summary>
/// The service's database. One subclass per provider (<see cref="SqliteEvacuationDb"/>,
/// <see cref="PostgresEvacuationDb"/>) so each keeps its own migrations, as EF Core documents for multi-provider apps.
/// </summary>
public abstract class EvacuationDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Citizen> Citizens => Set<Citizen>();

    public DbSet<CitizenEvent> CitizenEvents => Set<CitizenEvent>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<StoredApiKey> ApiKeys => Set<StoredApiKey>();

    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<CrossingState> Crossings => Set<CrossingState>();
    public DbSet<Reply> Replies => Set<Reply>();

    public DbSet<Drill> Drills => Set<Drill>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored as UTC and comes back marked as UTC, on both providers.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        // Enums as their names: readable in the database and stable if members are reordered.
        configurationBuilder.Properties<JourneyStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<CitizenEventKind>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<OperatorRole>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Citizen>(c =>
        {
            c.ToTable("citizens");
            c.HasKey(x => x.Id);
            c.Property(x => x.ExternalId).HasMaxLength(100);
            c.Property(x => x.Name).HasMaxLength(200);
            c.Property(x => x.Phone).HasMaxLength(20);
            c.Property(x => x.Language).HasMaxLength(2);
            c.Property(x => x.Region).HasMaxLength(100);
            c.Property(x => x.AssignedCrossing).HasMaxLength(64);
            c.Property(x => x.CreatedBy).HasMaxLength(100);
            // The unique keys are optional, so their indexes leave out the rows without one (partial indexes, both
            // providers): a citizen known only by phone costs no entries in the chat-id, external-id and invite
            // indexes, a quarter of an import's index writes. Lookups by value still use them, as "x = value" implies
            // "x IS NOT NULL" (https://www.sqlite.org/partialindex.html#queries_using_partial_indexes).
            c.HasIndex(x => x.ExternalId).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
            c.HasIndex(x => x.Phone).IsUnique().HasFilter("\"Phone\" IS NOT NULL");
            c.HasIndex(x => x.TelegramChatId).IsUnique().HasFilter("\"TelegramChatId\" IS NOT NULL");
            c.Property(x => x.InviteToken).HasMaxLength(64);
            c.HasIndex(x => x.InviteToken).IsUnique().HasFilter("\"InviteToken\" IS NOT NULL");
            // Only the unique keys are indexed: at 100,000 citizens a filtered scan takes milliseconds, while every
            // extra index slows each insert of a large import.
            c.HasIndex(x => x.AssignedCrossing);
            // A drill's citizens are found by it to clean them away; real citizens (no drill) cost no entry.
            c.HasIndex(x => x.DrillId).HasFilter("\"DrillId\" IS NOT NULL");
            c.Ignore(x => x.HasUsableSms);
            c.Ignore(x => x.HasUsableTelegram);
            c.Ignore(x => x.IsUnreachable);
        });

        modelBuilder.Entity<CitizenEvent>(e =>
        {
            e.ToTable("citizen_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Actor).HasMaxLength(100);
            e.Property(x => x.Detail).HasMaxLength(2000);
            e.HasIndex(x => new { x.CitizenId, x.At });
        });

        modelBuilder.Entity<AuditEntry>(a =>
        {
            a.ToTable("audit_log");
            a.HasKey(x => x.Id);
            a.Property(x => x.Actor).HasMaxLength(100);
            a.Property(x => x.Action).HasMaxLength(64);
            a.Property(x => x.Target).HasMaxLength(200);
            a.Property(x => x.Detail).HasMaxLength(2000);
            a.HasIndex(x => x.At);
        });

        modelBuilder.Entity<StoredApiKey>(k =>
        {
            k.ToTable("api_keys");
            k.HasKey(x => x.Id);
            k.Property(x => x.Name).HasMaxLength(100);
            k.Property(x => x.KeyHash).HasMaxLength(64);
            k.HasIndex(x => x.KeyHash).IsUnique();
        });

        modelBuilder.ApplyConfiguration(new BroadcastTable());
        modelBuilder.ApplyConfiguration(new DeliveryTable());
        modelBuilder.ApplyConfiguration(new CrossingTable());
        modelBuilder.ApplyConfiguration(new ReplyTable());
        modelBuilder.ApplyConfiguration(new DrillTable());
    }

    sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
