using Evacuation.Core.Drills;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evacuation.Data;

/// <summary>The <c>drills</c> table: every drill run, kept after it is cleaned (with the audit log, its trail).</summary>
sealed class DrillTable : IEntityTypeConfiguration<Drill>
{
    public void Configure(EntityTypeBuilder<Drill> d)
    {
        d.ToTable("drills");
        d.HasKey(x => x.Id);
        d.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        d.Property(x => x.StartedBy).HasMaxLength(100);
        d.Property(x => x.CleanedBy).HasMaxLength(100);
        d.Property(x => x.CrossingId).HasMaxLength(64);
        d.Property(x => x.CrossingStatusBefore).HasMaxLength(16);
        d.Property(x => x.CrossingNotesBefore).HasMaxLength(300);
        d.HasIndex(x => x.StartedAt);
    }
}
