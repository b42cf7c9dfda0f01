using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Data.Tests;

/// <summary>Claims take the most urgent due deliveries first, oldest first within a priority, through the claim index.</summary>
public sealed class DeliveryClaimTests
{
    static readonly DateTime Now = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_answer_queued_last_is_claimed_before_older_bulk_and_urgent_messages(StorageProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenMigratedAsync();
        var bulk = Enumerable.Range(0, 200).Select(n => Row(DeliveryPriority.Bulk, Now.AddMinutes(-30).AddSeconds(n))).ToList();
        var urgent = Row(DeliveryPriority.Urgent, Now.AddSeconds(-2));
        var answer = Row(DeliveryPriority.Answer, Now.AddSeconds(-1));
        var notYetDue = Row(DeliveryPriority.Answer, Now.AddSeconds(5));
        await db.InsertAsync([.. bulk, urgent, answer, notYetDue], ct);

        var claimed = await db.ClaimDueAsync(new WriterQueue(false), ChannelKind.Telegram, 4, Now, Now.AddSeconds(30), ct);

        Assert.Equal([answer.Id, urgent.Id, bulk[0].Id, bulk[1].Id], claimed.Select(d => d.Id));
        Assert.All(claimed, d => Assert.Equal(DeliveryState.Sending, d.State));
    }

    [Fact]
    public async Task The_claim_reads_the_claim_index_in_its_order_with_no_sort()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenMigratedAsync();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """
            EXPLAIN QUERY PLAN SELECT "Id" FROM deliveries
            WHERE "Channel" = 'Sms' AND "State" = 'Pending' AND "NextAttemptAt" <= '2026-11-25 08:00:00'
            ORDER BY "Priority", "NextAttemptAt" LIMIT 10
            """;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, line => line.Contains("IX_deliveries_Channel_State_Priority_NextAttemptAt", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_row_reclaimed_by_someone_else_is_recorded_once_by_the_claim_that_holds_it(StorageProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenMigratedAsync();
        var row = Row(DeliveryPriority.Bulk, Now.AddSeconds(-1));
        await db.InsertAsync([row], ct);
        var writers = new WriterQueue(false);
        var first = (await db.ClaimDueAsync(writers, ChannelKind.Telegram, 1, Now, Now.AddSeconds(30), ct)).Single();
        // The first claim's lease ran out while it waited; the row went back and another dispatcher claimed it.
        await db.Deliveries.Where(d => d.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Pending), ct);
        var second = (await db.ClaimDueAsync(writers, ChannelKind.Telegram, 1, Now.AddSeconds(31), Now.AddSeconds(61), ct)).Single();

        await RecordAsync(db, row, first.ClaimId, "late", ct);
        Assert.Equal(DeliveryState.Sending, (await db.Deliveries.AsNoTracking().SingleAsync(ct)).State);
        await RecordAsync(db, row, second.ClaimId, "ours", ct);
        await RecordAsync(db, row, second.ClaimId, "again", ct);

        Assert.NotEqual(first.ClaimId, second.ClaimId);
        var stored = await db.Deliveries.AsNoTracking().SingleAsync(ct);
        Assert.Equal((DeliveryState.Sent, "ours"), (stored.State, stored.ProviderMessageId));
        Assert.Equal(1, await db.CitizenEvents.CountAsync(ct));
    }

    /// <summary>As the outbox records an accepted send: inside its own transaction.</summary>
    static async Task RecordAsync(EvacuationDb db, Delivery row, Guid? claim, string providerId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.RecordAsync([new SentDeliveries.Accepted(row.Id, claim, row.CitizenId, providerId, "sent")], Now.AddSeconds(40), ct);
        await transaction.CommitAsync(ct);
    }

    static Delivery Row(int priority, DateTime due) => new()
    {
        BroadcastId = Guid.NewGuid(),
        CitizenId = Guid.NewGuid(),
        Channel = ChannelKind.Telegram,
        Address = "1001",
        Text = "Leave now",
        State = DeliveryState.Pending,
        Priority = priority,
        NextAttemptAt = due,
        CreatedAt = due,
    };
}
