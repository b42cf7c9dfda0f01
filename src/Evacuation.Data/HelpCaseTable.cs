using Evacuation.Core.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evacuation.Data;

/// <summary>
/// The <c>help_cases</c> table and its <c>case_notes</c>. The database itself keeps one unresolved case per person:
/// partial unique indexes on the citizen (and, for strangers, on channel and sender) over the rows not Resolved, so
/// two replies interpreted at once on two nodes cannot open two cases; the second transaction fails and is retried.
/// </summary>
sealed class HelpCaseTable : IEntityTypeConfiguration<HelpCase>
{
    public void Configure(EntityTypeBuilder<HelpCase> c)
    {
        c.ToTable("help_cases");
        c.HasKey(x => x.Id);
        c.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        c.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        c.Property(x => x.Sender).HasMaxLength(32);
        c.Property(x => x.AssignedTo).HasMaxLength(100);
        c.Property(x => x.ResolvedBy).HasMaxLength(100);
        c.Property(x => x.Resolution).HasMaxLength(CaseRules.MaxNoteLength);
        c.Property(x => x.Version).IsConcurrencyToken();
        c.HasIndex(x => x.CitizenId, "IX_help_cases_unresolved_citizen").IsUnique().HasFilter("\"CitizenId\" IS NOT NULL AND \"State\" <> 'Resolved'");
        c.HasIndex(x => new { x.Channel, x.Sender }, "IX_help_cases_unresolved_sender").IsUnique().HasFilter("\"CitizenId\" IS NULL AND \"State\" <> 'Resolved'");
        // A call for help looks up the person's latest case, resolved or not.
        c.HasIndex(x => x.CitizenId);
        // The list: unresolved first, oldest waiting first.
        c.HasIndex(x => new { x.State, x.StateSince });
        c.HasMany(x => x.Notes).WithOne().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The <c>case_notes</c> table: a case's history, appended to, never changed.</summary>
sealed class CaseNoteTable : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> n)
    {
        n.ToTable("case_notes");
        n.HasKey(x => x.Id);
        n.Property(x => x.Actor).HasMaxLength(100);
        n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        n.Property(x => x.Text).HasMaxLength(CaseRules.MaxNoteLength);
    }
}
