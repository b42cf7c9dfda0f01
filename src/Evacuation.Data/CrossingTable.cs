using Evacuation.Core.Routes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evacuation.Data;

/// <summary>The <c>crossings</c> table: each crossing's status and notes as operators last set them.</summary>
sealed class CrossingTable : IEntityTypeConfiguration<CrossingState>
{
    public void Configure(EntityTypeBuilder<CrossingState> c)
    {
        c.ToTable("crossings");
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).HasMaxLength(64);
        c.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        c.Property(x => x.Notes).HasMaxLength(CrossingState.MaxNotesLength);
        c.Property(x => x.UpdatedBy).HasMaxLength(100);
    }
}
