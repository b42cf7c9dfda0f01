using Evacuation.Core.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evacuation.Data;

/// <summary>
/// The <c>replies</c> table: every inbound message, unique on the provider's id so replays have one effect; the
/// interpreter reads rows not yet interpreted; the unhandled list and the Telegram offset have their own indexes.
/// </summary>
sealed class ReplyTable : IEntityTypeConfiguration<Reply>
{
    public void Configure(EntityTypeBuilder<Reply> r)
    {
        r.ToTable("replies");
        r.HasKey(x => x.Id);
        r.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.ProviderKey).HasMaxLength(64);
        r.Property(x => x.From).HasMaxLength(32);
        r.Property(x => x.ContactPhone).HasMaxLength(20);
        r.Property(x => x.Text).HasMaxLength(InboundMessage.MaxTextLength);
        r.Property(x => x.CallbackQueryId).HasMaxLength(64);
        r.Property(x => x.Meaning).HasMaxLength(200);
        r.Property(x => x.EnteredBy).HasMaxLength(100);
        r.HasIndex(x => new { x.Channel, x.ProviderKey }).IsUnique();
        r.HasIndex(x => x.InterpretedAt);
        r.HasIndex(x => new { x.Unhandled, x.ReceivedAt });
        r.HasIndex(x => x.UpdateId);
    }
}
