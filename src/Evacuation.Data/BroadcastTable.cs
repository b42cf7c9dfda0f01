using Evacuation.Core.Broadcasts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evacuation.Data;

/// <summary>The <c>broadcasts</c> table: one row per operator request; its deliveries hang off it.</summary>
sealed class BroadcastTable : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> b)
    {
        b.ToTable("broadcasts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Channels).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.TextsJson).HasMaxLength(16000);
        b.Property(x => x.AudienceJson).HasMaxLength(16000);
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.Property(x => x.DecisionNote).HasMaxLength(500);
        b.Property(x => x.EstimateJson).HasMaxLength(16000);
        // Fan-out and the completion check look for broadcasts that are not finished.
        b.HasIndex(x => new { x.State, x.SendAt });
        b.HasIndex(x => x.CreatedAt);
    }
}
