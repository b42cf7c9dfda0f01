using Evacuation.Core.Auditing;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Cases;
using Evacuation.Core.Citizens;
using Evacuation.Core.Cluster;
using Evacuation.Core.Channels;
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

    public DbSet<HelpCase> HelpCases => Set<HelpCase>();

    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();

    public DbSet<ClusterNode> ClusterNodes => Set<ClusterNode>();

    public DbSet<ClusterRole> ClusterRoles => Set<ClusterRole>();

    public DbSet<ChannelStop> ChannelStops => Set<ChannelStop>();

    public DbSet<CountChange> CountChanges => Set<CountChange>();

    public DbSet<RecipientTallyRow> RecipientTallies => Set<RecipientTallyRow>();

    public DbSet<BroadcastCounter> BroadcastCounters => Set<BroadcastCounter>();

    public DbSet<CitizenCount> CitizenCounts => Set<CitizenCount>();

    public DbSet<CitizenCountDelta> CitizenCountDeltas => Set<CitizenCountDelta>();

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

        modelBuilder.ApplyConfiguration(new ApiKeyTable());
        modelBuilder.ApplyConfiguration(new CitizenTable());
        modelBuilder.ApplyConfiguration(new BroadcastTable());
        modelBuilder.ApplyConfiguration(new DeliveryTable());
        modelBuilder.ApplyConfiguration(new CrossingTable());
        modelBuilder.ApplyConfiguration(new ReplyTable());
        modelBuilder.ApplyConfiguration(new DrillTable());
        modelBuilder.ApplyConfiguration(new HelpCaseTable());
        modelBuilder.ApplyConfiguration(new CaseNoteTable());
        modelBuilder.ApplyConfiguration(new ClusterNodeTable());
        modelBuilder.ApplyConfiguration(new ClusterRoleTable());
        modelBuilder.ApplyConfiguration(new ChannelStopTable());
        modelBuilder.ApplyConfiguration(new CountChangeTable());
        modelBuilder.ApplyConfiguration(new RecipientTallyTable());
        modelBuilder.ApplyConfiguration(new BroadcastCounterTable());
        modelBuilder.ApplyConfiguration(new CitizenCountTable());
        modelBuilder.ApplyConfiguration(new CitizenCountDeltaTable());
    }

    sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
