using Evacuation.Core.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evacuation.Data;

/// <summary>
/// The <c>deliveries</c> table, the outbox (docs/architecture.md, "How a message travels"). The unique key makes fan-out and fallback
/// idempotent; the claim index serves "due rows of this channel, most urgent then oldest first" and "this channel's open claims" for the reaper.
/// </summary>
sealed class DeliveryTable : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> d)
    {
        d.ToTable("deliveries");
        d.HasKey(x => x.Id);
        d.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        d.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        d.Property(x => x.Address).HasMaxLength(32);
        d.Property(x => x.Text).HasMaxLength(8000);
        d.Property(x => x.Keyboard).HasMaxLength(16);
        d.Property(x => x.ProviderMessageId).HasMaxLength(64);
        d.Property(x => x.LastError).HasMaxLength(500);
        d.HasIndex(x => new { x.BroadcastId, x.CitizenId, x.Channel }).IsUnique();
        d.HasIndex(x => new { x.Channel, x.State, x.Priority, x.NextAttemptAt });
        d.HasIndex(x => new { x.BroadcastId, x.State });
        d.HasIndex(x => x.ProviderMessageId);
    }
}
