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
        // JSON escapes every Hebrew and Cyrillic letter as \uXXXX (six characters, twelve for an emoji): four texts of
        // 1,600 characters can take 77,000, and an estimate lists every character that forces UCS-2, so these
        // columns are unbounded (text on PostgreSQL).
        b.Property(x => x.TextsJson);
        b.Property(x => x.AudienceJson);
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.Property(x => x.DecisionNote).HasMaxLength(500);
        b.Property(x => x.EstimateJson);
        // Fan-out and the completion check look for broadcasts that are not finished.
        b.HasIndex(x => new { x.State, x.SendAt });
        b.HasIndex(x => x.CreatedAt);
    }
}
