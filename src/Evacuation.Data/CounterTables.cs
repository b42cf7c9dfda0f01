using Evacuation.Core.Broadcasts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evacuation.Data;

/// <summary>
/// A change that may move a broadcast's counters, written by the database's own triggers (migration I16Counters) in
/// the transaction that made it, so no writer can forget one: a delivery of the broadcast to the citizen changed
/// (<see cref="BroadcastId"/> set), or the citizen replied, changed status or was erased (every broadcast of theirs).
/// The host's counting loop folds them into <see cref="BroadcastCounter"/> and deletes them.
/// </summary>
public sealed class CountChange
{
    public long Id { get; set; }

    public Guid? BroadcastId { get; set; }

    public Guid CitizenId { get; set; }

    /// <summary>When the writing transaction began, by the database's clock: the counters are at least this current once it is folded.</summary>
    public DateTime At { get; set; }
}

/// <summary>One citizen's part in one broadcast's counters, and the delivery facts it was worked out from.</summary>
public sealed class RecipientTallyRow
{
    public Guid CitizenId { get; set; }

    public Guid BroadcastId { get; set; }

    public RecipientCounts Counted { get; set; }

    public bool Sent { get; set; }

    public bool DeliveredByReceipt { get; set; }

    public bool Open { get; set; }

    public bool Cancelled { get; set; }

    public bool Expired { get; set; }

    public DateTime? FirstSentAt { get; set; }

    public DateTime? TelegramSentAt { get; set; }

    public RecipientDeliveries Deliveries => new(Sent, DeliveredByReceipt, Open, Cancelled, Expired, FirstSentAt, TelegramSentAt);

    public void Take(RecipientDeliveries deliveries)
    {
        (Sent, DeliveredByReceipt, Open, Cancelled, Expired, FirstSentAt, TelegramSentAt) = (deliveries.Sent,
            deliveries.DeliveredByReceipt, deliveries.Open, deliveries.Cancelled, deliveries.Expired, deliveries.FirstSentAt, deliveries.TelegramSentAt);
    }
}

/// <summary>A broadcast's counters in recipients (<see cref="RecipientTally"/>), as of the last folded change.</summary>
public sealed class BroadcastCounter
{
    public Guid BroadcastId { get; set; }

    public long Sent { get; set; }

    public long Delivered { get; set; }

    public long Failed { get; set; }

    public long Cancelled { get; set; }

    public long Confirmed { get; set; }

    public long Expired { get; set; }

    public void Add(CounterMoves moves)
    {
        Sent += moves.Sent;
        Delivered += moves.Delivered;
        Failed += moves.Failed;
        Cancelled += moves.Cancelled;
        Confirmed += moves.Confirmed;
        Expired += moves.Expired;
    }
}

/// <summary>
/// How many citizens (not in drills) are in one region and status, with their households, opt-outs and citizens no
/// channel reaches: what <c>GET /api/stats</c> shows, summed with the <see cref="CitizenCountDelta"/> rows not yet folded in.
/// The region is empty for citizens with none.
/// </summary>
public sealed class CitizenCount
{
    public string Region { get; set; } = "";

    public string Status { get; set; } = "";

    public long Citizens { get; set; }

    public long People { get; set; }

    public long OptedOut { get; set; }

    public long Unreachable { get; set; }
}

/// <summary>
/// A change to <see cref="CitizenCount"/>, written by the citizens' triggers in the writer's own transaction: minus the
/// row as it was, plus the row as it is. Append-only, so writers never wait for each other on a counter row.
/// </summary>
public sealed class CitizenCountDelta
{
    public long Id { get; set; }

    public string Region { get; set; } = "";

    public string Status { get; set; } = "";

    public long Citizens { get; set; }

    public long People { get; set; }

    public long OptedOut { get; set; }

    public long Unreachable { get; set; }
}

sealed class CitizenCountTable : IEntityTypeConfiguration<CitizenCount>
{
    public void Configure(EntityTypeBuilder<CitizenCount> c)
    {
        c.ToTable("citizen_counts");
        c.HasKey(x => new { x.Region, x.Status });
        c.Property(x => x.Region).HasMaxLength(100);
        c.Property(x => x.Status).HasMaxLength(16);
    }
}

sealed class CitizenCountDeltaTable : IEntityTypeConfiguration<CitizenCountDelta>
{
    public void Configure(EntityTypeBuilder<CitizenCountDelta> c)
    {
        c.ToTable("citizen_count_deltas");
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).ValueGeneratedOnAdd();
        c.Property(x => x.Region).HasMaxLength(100);
        c.Property(x => x.Status).HasMaxLength(16);
    }
}

sealed class CountChangeTable : IEntityTypeConfiguration<CountChange>
{
    public void Configure(EntityTypeBuilder<CountChange> c)
    {
        c.ToTable("count_changes");
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).ValueGeneratedOnAdd();
    }
}

sealed class RecipientTallyTable : IEntityTypeConfiguration<RecipientTallyRow>
{
    public void Configure(EntityTypeBuilder<RecipientTallyRow> t)
    {
        t.ToTable("recipient_tallies");
        // Citizen first: a reply or a status change re-counts every broadcast of one citizen.
        t.HasKey(x => new { x.CitizenId, x.BroadcastId });
        t.Property(x => x.Counted).HasConversion<int>();
    }
}

sealed class BroadcastCounterTable : IEntityTypeConfiguration<BroadcastCounter>
{
    public void Configure(EntityTypeBuilder<BroadcastCounter> c)
    {
        c.ToTable("broadcast_counters");
        c.HasKey(x => x.BroadcastId);
    }
}
