using Evacuation.Core.Citizens;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evacuation.Data;

/// <summary>The <c>citizens</c> table: the registry, unique on each of a citizen's optional keys.</summary>
sealed class CitizenTable : IEntityTypeConfiguration<Citizen>
{
    public void Configure(EntityTypeBuilder<Citizen> c)
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
        c.Property(x => x.CheckInToken).HasMaxLength(32);
        c.HasIndex(x => x.CheckInToken).IsUnique().HasFilter("\"CheckInToken\" IS NOT NULL");
        // Only the unique keys are indexed: at 100,000 citizens a filtered scan takes milliseconds, while every
        // extra index slows each insert of a large import.
        c.HasIndex(x => x.AssignedCrossing);
        // A drill's citizens are found by it to clean them away; real citizens (no drill) cost no entry.
        c.HasIndex(x => x.DrillId).HasFilter("\"DrillId\" IS NOT NULL");
        c.Ignore(x => x.HasUsableSms);
        c.Ignore(x => x.HasUsableTelegram);
        c.Ignore(x => x.IsUnreachable);
    }
}
