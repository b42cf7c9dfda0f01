using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Deliveries;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Routes;

public sealed class StaleDirectionsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Closing_a_crossing_withdraws_its_citizens_unsent_messages_that_name_it_and_nothing_else(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var (affected, closed) = await app.AddCitizenAsync(1, "Lviv");
        var (elsewhere, _) = await app.AddCitizenAsync(2, "Odesa");
        var name = app.Crossing(closed!).DisplayName(Language.English);
        var now = app.Time.GetUtcNow().UtcDateTime;
        var advisory = Queued(now);
        var other = Queued(now);
        var retrying = Row(advisory, affected, ChannelKind.Telegram, $"Leave via the {name} crossing.", now, DeliveryState.Pending);
        var claimed = Row(advisory, affected, ChannelKind.Sms, $"Leave via the {name} crossing.", now, DeliveryState.Sending);
        var unrelated = Row(other, affected, ChannelKind.Telegram, "Keep your papers with you.", now, DeliveryState.Pending);
        var notAffected = Row(advisory, elsewhere, ChannelKind.Telegram, $"Mention of {name}.", now, DeliveryState.Pending);
        await app.WithDbAsync(async db =>
        {
            db.Broadcasts.AddRange(advisory, other);
            db.Deliveries.AddRange(retrying, claimed, unrelated, notAffected);
            return await db.SaveChangesAsync();
        });

        var answer = await app.SetCrossingOkAsync(closed!, new { status = "Closed" });

        Assert.Equal(2, answer.GetProperty("reroute").GetProperty("withdrawn").GetInt32());
        var rows = (await app.DeliveriesAsync()).ToDictionary(d => d.Id);
        Assert.Equal(DeliveryState.Cancelled, rows[retrying.Id].State);
        Assert.Equal(DeliveryState.Cancelled, rows[claimed.Id].State);
        Assert.StartsWith("withdrawn: names " + closed, rows[claimed.Id].LastError, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Pending, rows[unrelated.Id].State);
        Assert.Equal(DeliveryState.Pending, rows[notAffected.Id].State);
        // The dispatcher holding the claimed row drops it at its last look before the provider call.
        var withdrawals = app.Services.GetRequiredService<Withdrawals>();
        Assert.True(await withdrawals.IsWithdrawnAsync(claimed, TestContext.Current.CancellationToken));
        Assert.False(await withdrawals.IsWithdrawnAsync(notAffected, TestContext.Current.CancellationToken));
        // Their new directions were queued after the withdrawal and are not withdrawn themselves.
        var rerouted = rows.Values.Single(d => d.CitizenId == Guid.Parse(affected) && d.BroadcastId != advisory.Id && d.BroadcastId != other.Id);
        Assert.NotEqual(DeliveryState.Cancelled, rerouted.State);
        Assert.Contains(name, rerouted.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crossing_closed_twice_says_so_and_sends_nothing_twice()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var (_, crossing) = await app.AddCitizenAsync(1, "Lviv");
        var first = await app.SetCrossingOkAsync(crossing!, new { status = "Closed" });
        var queued = (await app.DeliveriesAsync()).Count;

        var second = await app.SetCrossingOkAsync(crossing!, new { status = "closed" });

        Assert.Equal(JsonValueKind.Null, first.GetProperty("note").ValueKind);
        Assert.Equal($"{crossing} was already Closed: nobody was moved or messaged again.", second.GetProperty("note").GetString());
        Assert.Equal(0, second.GetProperty("reroute").GetProperty("messaged").GetInt32());
        Assert.Equal(1, queued);
        Assert.Equal(queued, (await app.DeliveriesAsync()).Count);
    }

    [Fact]
    public async Task A_citizen_who_cannot_be_placed_is_told_the_crossing_closed_and_to_head_for_the_nearest_open_one()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var (id, crossing) = await app.AddCitizenAsync(1, "Lviv", Language.Ukrainian);
        await app.WithDbAsync(db => db.Citizens.Where(c => c.Id == Guid.Parse(id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Region, "Atlantis")));

        var answer = await app.SetCrossingOkAsync(crossing!, new { status = "Closed" });

        Assert.Equal(1, answer.GetProperty("reroute").GetProperty("unplaced").GetInt32());
        Assert.Equal(1, answer.GetProperty("reroute").GetProperty("messaged").GetInt32());
        var text = (await app.DeliveriesAsync()).Single().Text;
        Assert.Contains(app.Crossing(crossing!).DisplayName(Language.Ukrainian), text, StringComparison.Ordinal);
        Assert.Contains("найближчий відкритий пункт пропуску", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_who_cannot_be_placed_when_every_crossing_is_closed_is_told_to_wait_in_their_language()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var last = "shehyni-medyka";
        foreach (var other in app.File().Crossings.Where(c => c.Id != last))
        {
            await app.SetCrossingOkAsync(other.Id, new { status = "Closed" });
        }
        var (id, crossing) = await app.AddCitizenAsync(1, "Lviv", Language.Russian);
        Assert.Equal(last, crossing);
        await app.WithDbAsync(db => db.Citizens.Where(c => c.Id == Guid.Parse(id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Region, "Atlantis")));

        await app.SetCrossingOkAsync(last, new { status = "Closed" });

        Assert.Equal(WaitForInstructions.Text(Language.Russian, Signature.None), (await app.DeliveriesAsync()).Single().Text);
    }

    /// <summary>An operator's advisory already fanned out, still sending.</summary>
    static Broadcast Queued(DateTime now) => new()
    {
        Kind = BroadcastKind.Advisory, State = BroadcastState.Sending, CreatedBy = "operator", CreatedAt = now, SendAt = now,
        Recipients = 2, FannedOutAt = now,
    };

    /// <summary>Pending rows wait for a retry in ten minutes; sending rows are claimed with a lease running.</summary>
    static Delivery Row(Broadcast broadcast, string citizen, ChannelKind channel, string text, DateTime now, DeliveryState state) => new()
    {
        BroadcastId = broadcast.Id, CitizenId = Guid.Parse(citizen), Channel = channel, Address = channel == ChannelKind.Sms ? "+380501234567" : "5001",
        Text = text, State = state, Attempts = 1, NextAttemptAt = now.AddMinutes(10),
        LeaseUntil = state == DeliveryState.Sending ? now.AddSeconds(30) : null, CreatedAt = now,
    };
}
