using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Host.Stats;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Stats;

/// <summary>
/// The counters the database keeps (triggers, then <see cref="CounterFold"/>) always agree with counting every
/// delivery afresh (<see cref="BroadcastCounts"/>), through sends, receipts, replies, status changes, cancels,
/// fallbacks and erasures, on both databases.
/// </summary>
public sealed class BroadcastCounterTests
{
    static readonly DeliveryState[] States = Enum.GetValues<DeliveryState>();
    static readonly JourneyStatus[] Statuses = Enum.GetValues<JourneyStatus>();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Folded_counters_equal_a_fresh_count_through_every_kind_of_change(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider, new() { ["Stats:ExactUpTo"] = "0" });
        var random = new Random(16);
        var t0 = app.Time.GetUtcNow().UtcDateTime;
        var (citizens, broadcasts) = await SeedAsync(app, random, t0);
        await AssertFoldedEqualsFreshAsync(app, broadcasts);

        for (var round = 1; round <= 4; round++)
        {
            await ChangeAsync(app, random, citizens, broadcasts, t0.AddMinutes(round * 10));
            await AssertFoldedEqualsFreshAsync(app, broadcasts);
        }

        var view = await app.Viewer().GetFromJsonAsync<JsonElement>($"/api/broadcasts/{broadcasts[0]}", TestContext.Current.CancellationToken);
        await using var db = app.Database.Open();
        var fresh = await BroadcastCounts.OfAsync(db, broadcasts[0], TestContext.Current.CancellationToken);
        Assert.Equal(fresh.Sent, view.GetProperty("sent").GetInt64());
        Assert.Equal(fresh.Confirmed, view.GetProperty("confirmed").GetInt64());
        Assert.Equal(fresh.Delivered, view.GetProperty("delivered").GetInt64());
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime, view.GetProperty("asOf").GetDateTime().ToUniversalTime());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claims_give_backs_and_fan_out_write_no_change_but_a_failure_and_a_fallback_do(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var t0 = app.Time.GetUtcNow().UtcDateTime;
        await using var db = app.Database.Open();
        var citizen = new Citizen { Name = "C", Phone = "+380500000001", TelegramChatId = 1, CreatedAt = t0, UpdatedAt = t0 };
        var broadcast = Broadcast(t0, 1);
        var telegram = Delivery(broadcast.Id, citizen.Id, ChannelKind.Telegram, DeliveryState.Pending, t0);
        db.AddRange(citizen, broadcast, telegram);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var afterFanOut = await db.CountChanges.CountAsync(TestContext.Current.CancellationToken);
        await SetStateAsync(db, telegram.Id, DeliveryState.Sending, null);
        await SetStateAsync(db, telegram.Id, DeliveryState.Pending, null);
        var afterClaims = await db.CountChanges.CountAsync(TestContext.Current.CancellationToken);
        await SetStateAsync(db, telegram.Id, DeliveryState.Failed, null);
        db.Add(Delivery(broadcast.Id, citizen.Id, ChannelKind.Sms, DeliveryState.Pending, t0));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, afterFanOut);
        Assert.Equal(0, afterClaims);
        Assert.Equal(2, await db.CountChanges.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_folds_at_once_count_each_change_once(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var (_, broadcasts) = await SeedAsync(app, new Random(7), app.Time.GetUtcNow().UtcDateTime);
        var fold = app.Services.GetRequiredService<CounterFold>();

        await Task.WhenAll(fold.CatchUpAsync(TestContext.Current.CancellationToken), fold.CatchUpAsync(TestContext.Current.CancellationToken));
        await AssertFoldedEqualsFreshAsync(app, broadcasts);
    }

    static async Task<(List<Guid> Citizens, List<Guid> Broadcasts)> SeedAsync(EvacuationApp app, Random random, DateTime t0)
    {
        await using var db = app.Database.Open();
        var citizens = Enumerable.Range(0, 80).Select(n => new Citizen
        {
            Name = $"C{n}", Phone = $"+3805000{n:D5}", TelegramChatId = 1000 + n, Status = Statuses[random.Next(Statuses.Length)],
            CreatedAt = t0, UpdatedAt = t0,
        }).ToList();
        var broadcasts = new[] { Broadcast(t0, citizens.Count), Broadcast(t0, citizens.Count) };
        db.AddRange(citizens);
        db.AddRange(broadcasts);
        foreach (var broadcast in broadcasts)
        {
            foreach (var citizen in citizens)
            {
                foreach (var channel in new[] { ChannelKind.Telegram, ChannelKind.Sms }.Where(_ => random.Next(3) > 0))
                {
                    db.Add(Delivery(broadcast.Id, citizen.Id, channel, States[random.Next(States.Length)], t0.AddMinutes(random.Next(-5, 5))));
                }
            }
        }
        foreach (var citizen in citizens.Where(_ => random.Next(2) == 0))
        {
            db.Add(Event(citizen.Id, random.Next(2) == 0 ? CitizenEventKind.ReplyReceived : CitizenEventKind.StatusChanged, t0.AddMinutes(random.Next(-10, 10))));
        }
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (citizens.Select(c => c.Id).ToList(), broadcasts.Select(b => b.Id).ToList());
    }

    /// <summary>Random changes of every kind the service makes: sends, receipts, failures, cancels, replies, status changes, fallbacks, erasures.</summary>
    static async Task ChangeAsync(EvacuationApp app, Random random, List<Guid> citizens, List<Guid> broadcasts, DateTime at)
    {
        await using var db = app.Database.Open();
        var deliveries = await db.Deliveries.ToListAsync(TestContext.Current.CancellationToken);
        foreach (var delivery in deliveries.Where(_ => random.Next(4) == 0))
        {
            delivery.State = States[random.Next(States.Length)];
            delivery.SentAt = delivery.State is DeliveryState.Sent or DeliveryState.Delivered ? at : delivery.SentAt;
        }
        foreach (var citizen in await db.Citizens.Where(c => citizens.Contains(c.Id)).ToListAsync(TestContext.Current.CancellationToken))
        {
            switch (random.Next(6))
            {
                case 0:
                    db.Add(Event(citizen.Id, CitizenEventKind.ReplyReceived, at.AddSeconds(random.Next(-30, 30))));
                    break;
                case 1:
                    citizen.Status = Statuses[random.Next(Statuses.Length)];
                    db.Add(Event(citizen.Id, CitizenEventKind.StatusChanged, at));
                    break;
                case 2 when random.Next(4) == 0:
                    db.Remove(citizen); // erased; their deliveries stay and count for nothing
                    break;
            }
        }
        var failed = deliveries.Where(d => d.State == DeliveryState.Failed && d.Channel == ChannelKind.Telegram).Take(3).ToList();
        var fallbacks = failed.Where(f => !deliveries.Any(d => d.BroadcastId == f.BroadcastId && d.CitizenId == f.CitizenId && d.Channel == ChannelKind.Sms));
        db.AddRange(fallbacks.Select(f => Delivery(f.BroadcastId, f.CitizenId, ChannelKind.Sms, DeliveryState.Pending, at)));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var gone = deliveries[random.Next(deliveries.Count)];
        await db.Deliveries.Where(d => d.Id == gone.Id).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        await db.Deliveries.Where(d => d.BroadcastId == broadcasts[1] && d.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Cancelled), TestContext.Current.CancellationToken);
    }

    static async Task AssertFoldedEqualsFreshAsync(EvacuationApp app, List<Guid> broadcasts)
    {
        await app.Services.GetRequiredService<CounterFold>().CatchUpAsync(TestContext.Current.CancellationToken);
        await using var db = app.Database.Open();
        foreach (var id in broadcasts)
        {
            var fresh = await BroadcastCounts.OfAsync(db, id, TestContext.Current.CancellationToken);
            var folded = await db.BroadcastCounters.AsNoTracking().SingleOrDefaultAsync(c => c.BroadcastId == id, TestContext.Current.CancellationToken)
                ?? new BroadcastCounter();
            Assert.Equal(fresh, new BroadcastCounts(folded.Sent, folded.Delivered, folded.Failed, folded.Cancelled, folded.Confirmed, folded.Expired));
        }
        Assert.Equal(0, await db.CountChanges.CountAsync(TestContext.Current.CancellationToken));
    }

    static Broadcast Broadcast(DateTime at, int recipients) => new()
    {
        Kind = BroadcastKind.Advisory, State = BroadcastState.Completed, CreatedBy = "test", CreatedAt = at, SendAt = at, FinishedAt = at,
        AudienceJson = "{}", Recipients = recipients,
    };

    static Delivery Delivery(Guid broadcastId, Guid citizenId, ChannelKind channel, DeliveryState state, DateTime at) => new()
    {
        BroadcastId = broadcastId, CitizenId = citizenId, Channel = channel, Address = "x", Text = "t", State = state,
        CreatedAt = at, NextAttemptAt = at.AddDays(30), // never due: no dispatcher touches these rows
        SentAt = state is DeliveryState.Sent or DeliveryState.Delivered ? at : null,
    };

    static CitizenEvent Event(Guid citizenId, CitizenEventKind kind, DateTime at) => new() { CitizenId = citizenId, Kind = kind, At = at, Actor = "test" };

    static Task SetStateAsync(EvacuationDb db, Guid id, DeliveryState state, DateTime? sentAt) =>
        db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.State, state).SetProperty(d => d.SentAt, sentAt), TestContext.Current.CancellationToken);
}
