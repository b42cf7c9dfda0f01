using Evacuation.Core.Operators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evacuation.Data;

/// <summary>
/// The <c>api_keys</c> table: every operator key, configured or created, by its hash. Two partial unique indexes keep
/// the rules every node relies on: a name belongs to one key not revoked, and at most one first-start key is active,
/// so two nodes starting at once on an empty database make one between them.
/// </summary>
sealed class ApiKeyTable : IEntityTypeConfiguration<StoredApiKey>
{
    public void Configure(EntityTypeBuilder<StoredApiKey> k)
    {
        k.ToTable("api_keys");
        k.HasKey(x => x.Id);
        k.Property(x => x.Name).HasMaxLength(KeyName.MaxLength);
        k.Property(x => x.KeyHash).HasMaxLength(64);
        k.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        k.Property(x => x.CreatedBy).HasMaxLength(KeyName.MaxLength);
        k.Ignore(x => x.IsActive);
        k.HasIndex(x => x.KeyHash).IsUnique();
        k.HasIndex(x => x.Name).IsUnique().HasFilter("\"RevokedAt\" IS NULL").HasDatabaseName("IX_api_keys_Name_active");
        k.HasIndex(x => x.Source).IsUnique().HasFilter("\"Source\" = 'FirstStart' AND \"RevokedAt\" IS NULL").HasDatabaseName("IX_api_keys_first_start");
    }
}
