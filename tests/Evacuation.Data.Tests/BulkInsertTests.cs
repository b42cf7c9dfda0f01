using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Data.Tests;

/// <summary>Rows written by <see cref="BulkInsert"/> read back through EF exactly as if EF had written them.</summary>
public sealed class BulkInsertTests
{
    static readonly DateTime At = new(2026, 11, 25, 10, 30, 15, 123, DateTimeKind.Utc);

    static Citizen Full() => new()
    {
        ExternalId = "CONS-1",
        Name = "Olena \"Lena\" O'Neil, ‏שלום 🙂",
        Phone = "+380501234567",
        TelegramChatId = -1001234567890,
        Language = "he",
        Region = "Lviv",
        HouseholdSize = 4,
        Status = JourneyStatus.NeedsHelp,
        OptedOut = true,
        TelegramUnreachable = true,
        AssignedCrossing = "PL-SHEHYNI",
        AssignedCrossingAt = At.AddMinutes(-5),
        Latitude = 49.8397,
        Longitude = 24.0297,
        LastContactAt = At,
        RemindersSent = 2,
        InviteToken = "token-1",
        CreatedAt = At,
        CreatedBy = "import",
        UpdatedAt = At.AddTicks(10), // PostgreSQL keeps microseconds
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_kind_of_value_reads_back_as_written(StorageProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var full = Full();
        var bare = new Citizen { Name = "", Phone = "+380501234568", CreatedAt = At, UpdatedAt = At };
        var delivery = new Delivery
        {
            BroadcastId = Guid.NewGuid(),
            CitizenId = full.Id,
            Channel = ChannelKind.Telegram,
            Address = "-1001234567890",
            Text = "Leave now",
            Keyboard = "language",
            State = DeliveryState.Pending,
            NextAttemptAt = At,
            CreatedAt = At,
        };
        var @event = new CitizenEvent { CitizenId = full.Id, At = At, Kind = CitizenEventKind.StatusChanged, Actor = "citizen", Detail = "Unconfirmed → NeedsHelp" };
        await using (var db = await database.OpenMigratedAsync())
        {
            await db.InsertAsync([full, bare], ct);
            await db.InsertAsync([delivery], ct);
            await db.InsertAsync([@event], ct);
        }
        await using (var db = database.Open())
        {
            var citizens = await db.Citizens.AsNoTracking().OrderBy(c => c.Phone).ToListAsync(ct);
            Assert.Equivalent(new[] { full, bare }, citizens, strict: true);
            Assert.Equal(DateTimeKind.Utc, citizens[0].CreatedAt.Kind);
            Assert.Equivalent(delivery, await db.Deliveries.AsNoTracking().SingleAsync(ct), strict: true);
            var stored = await db.CitizenEvents.AsNoTracking().SingleAsync(ct);
            Assert.True(stored.Id > 0);
            Assert.Equivalent(new { @event.CitizenId, @event.At, @event.Kind, @event.Actor, @event.Detail }, stored);
            // EF finds the rows by the values it would have written itself.
            Assert.Equal(full.Id, (await db.Citizens.SingleAsync(c => c.Id == full.Id && c.AssignedCrossingAt == full.AssignedCrossingAt, ct)).Id);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_taken_unique_key_fails_an_insert_and_is_skipped_by_insert_new(StorageProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenMigratedAsync();
        var first = new Citizen { Name = "A", Phone = "+380501234567", CreatedAt = At, UpdatedAt = At };
        await db.InsertAsync([first], ct);
        var again = new Citizen { Name = "B", Phone = "+380501234567", CreatedAt = At, UpdatedAt = At };
        var other = new Citizen { Name = "C", Phone = "+380501234569", CreatedAt = At, UpdatedAt = At };

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.InsertAsync([again], ct));
        await db.InsertNewAsync([again, other], ct);

        Assert.Equal(["A", "C"], await db.Citizens.OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rows_inserted_in_a_transaction_that_rolls_back_are_gone(StorageProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenMigratedAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.InsertAsync([new Citizen { Name = "A", Phone = "+380501234567", CreatedAt = At, UpdatedAt = At }], ct);
            Assert.Equal(1, await db.Citizens.CountAsync(ct));
            await transaction.RollbackAsync(ct);
        }
        Assert.Equal(0, await db.Citizens.CountAsync(ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Long_and_non_ascii_texts_and_whole_second_times_read_back_unchanged(StorageProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        // Past the stack buffer the SQLite binder encodes short texts in (UTF-8, three bytes a character here).
        var detail = string.Concat(Enumerable.Repeat("Дорога через Шегині 🙂 ", 80));
        var wholeSecond = new DateTime(2026, 11, 25, 10, 30, 0, DateTimeKind.Utc);
        var @event = new CitizenEvent { CitizenId = Guid.NewGuid(), At = wholeSecond, Kind = CitizenEventKind.Updated, Actor = "", Detail = detail };
        await using (var db = await database.OpenMigratedAsync())
        {
            await db.InsertAsync([@event], ct);
        }
        await using (var db = database.Open())
        {
            var stored = await db.CitizenEvents.AsNoTracking().SingleAsync(ct);
            Assert.Equal(detail, stored.Detail);
            Assert.Equal("", stored.Actor);
            Assert.Equal(wholeSecond, stored.At);
            Assert.Equal(@event.CitizenId, (await db.CitizenEvents.SingleAsync(e => e.CitizenId == @event.CitizenId && e.At == wholeSecond, ct)).CitizenId);
        }
    }
}
