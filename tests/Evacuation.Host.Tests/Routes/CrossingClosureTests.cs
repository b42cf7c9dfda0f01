using System.Net;
using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Routes;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Routes;

public sealed class CrossingClosureTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Closing_a_crossing_reroutes_and_messages_exactly_its_citizens_once_each(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var lviv = new List<string>();
        for (var n = 0; n < 5; n++)
        {
            lviv.Add((await app.AddCitizenAsync(n, "Lviv", Language.All[n % 4])).Id);
        }
        var odesa = (await app.AddCitizenAsync(10, "Odesa")).Id;
        var closed = (await app.AddCitizenAsync(11, "Lviv")).Crossing!;
        await app.WithDbAsync(db => db.Citizens.Where(c => c.Id == Guid.Parse(lviv[4])).ExecuteUpdateAsync(s => s.SetProperty(c => c.OptedOut, true)));
        app.Time.Advance(TimeSpan.FromMinutes(5));

        var answer = await app.SetCrossingOkAsync(closed, new { status = "Closed" });

        var reroute = answer.GetProperty("reroute");
        Assert.Equal(6, reroute.GetProperty("rerouted").GetInt32());
        Assert.Equal(5, reroute.GetProperty("messaged").GetInt32()); // the opted-out citizen is moved but not messaged
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("warning").ValueKind);
        Assert.Equal("Closed", answer.GetProperty("crossing").GetProperty("status").GetString());
        Assert.Equal(0, answer.GetProperty("crossing").GetProperty("citizensAssigned").GetInt32());

        var perCitizen = (await app.DeliveriesAsync()).GroupBy(d => d.CitizenId.ToString()).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(5, perCitizen.Count);
        Assert.All(lviv.Take(4), id => Assert.Single(perCitizen[id]));
        Assert.DoesNotContain(odesa, perCitizen.Keys);
        Assert.DoesNotContain(lviv[4], perCitizen.Keys);

        var citizens = await app.WithDbAsync(db => db.Citizens.AsNoTracking().ToListAsync());
        var moved = citizens.Where(c => c.Region == "Lviv").ToList();
        Assert.All(moved, c => Assert.NotEqual(closed, c.AssignedCrossing));
        Assert.All(moved, c => Assert.Equal("PL", app.Crossing(c.AssignedCrossing!).Country));
        Assert.All(moved, c => Assert.Equal(app.Time.GetUtcNow().UtcDateTime, c.AssignedCrossingAt));
        var english = perCitizen[lviv[0]].Single();
        Assert.Contains(app.Crossing(moved[0].AssignedCrossing!).DisplayName(Language.English), english.Text, StringComparison.Ordinal);
        var untouched = citizens.Single(c => c.Region == "Odesa");
        Assert.NotEqual(app.Time.GetUtcNow().UtcDateTime, untouched.AssignedCrossingAt);
    }

    [Fact]
    public async Task A_congested_crossing_reroutes_its_citizens_and_an_audited_change_records_who_made_it()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var (id, crossing) = await app.AddCitizenAsync(1, "Lviv");

        var answer = await app.SetCrossingOkAsync(crossing!, new { status = "congested", notes = "  Queue of 20 hours.  " });

        Assert.Equal(1, answer.GetProperty("reroute").GetProperty("messaged").GetInt32());
        Assert.Equal("Queue of 20 hours.", answer.GetProperty("crossing").GetProperty("notes").GetString());
        Assert.Single(await app.DeliveriesAsync(d => d.CitizenId == Guid.Parse(id)));
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "crossing.update"));
        Assert.Equal("admin", audit.Actor);
        Assert.Equal(crossing, audit.Target);
    }

    [Fact]
    public async Task Reopening_a_crossing_messages_nobody_and_new_citizens_are_sent_to_it_again()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var (_, crossing) = await app.AddCitizenAsync(1, "Lviv");
        await app.SetCrossingOkAsync(crossing!, new { status = "Closed" });
        var before = (await app.DeliveriesAsync()).Count;

        var answer = await app.SetCrossingOkAsync(crossing!, new { status = "Open" });

        Assert.Equal(0, answer.GetProperty("reroute").GetProperty("messaged").GetInt32());
        Assert.Equal(before, (await app.DeliveriesAsync()).Count);
        Assert.Equal(1, before);
        Assert.Equal(crossing, (await app.AddCitizenAsync(2, "Lviv")).Crossing);
    }

    [Fact]
    public async Task Changing_only_the_notes_keeps_the_status_and_messages_nobody()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var (_, crossing) = await app.AddCitizenAsync(1, "Lviv");

        var answer = await app.SetCrossingOkAsync(crossing!, new { notes = "Bring water." });

        Assert.Equal("Open", answer.GetProperty("crossing").GetProperty("status").GetString());
        Assert.Equal("Bring water.", app.Crossing(crossing!).Notes);
        Assert.Empty(await app.DeliveriesAsync());
    }

    [Fact]
    public async Task Closing_every_crossing_tells_its_citizens_to_wait_warns_operators_and_reopening_places_them_silently()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var last = "shehyni-medyka";
        foreach (var other in app.File().Crossings.Where(c => c.Id != last))
        {
            Assert.Equal(JsonValueKind.Null, (await app.SetCrossingOkAsync(other.Id, new { status = "Closed" })).GetProperty("warning").ValueKind);
        }
        var english = await app.AddCitizenAsync(1, "Lviv", "en");
        var ukrainian = await app.AddCitizenAsync(2, "Odesa", "uk");
        Assert.Equal(last, english.Crossing);
        Assert.Equal(last, ukrainian.Crossing);

        var answer = await app.SetCrossingOkAsync(last, new { status = "Closed" });

        Assert.Equal(CrossingClosure.AllClosedWarning, answer.GetProperty("warning").GetString());
        Assert.Equal(2, answer.GetProperty("reroute").GetProperty("waiting").GetInt32());
        var deliveries = await app.DeliveriesAsync();
        Assert.Equal(WaitForInstructions.Text(Language.English, Signature.None), deliveries.Single(d => d.CitizenId == Guid.Parse(english.Id)).Text);
        Assert.Equal(WaitForInstructions.Text(Language.Ukrainian, Signature.None), deliveries.Single(d => d.CitizenId == Guid.Parse(ukrainian.Id)).Text);
        Assert.Null((await app.AddCitizenAsync(3, "Kyiv")).Crossing);
        Assert.All(await app.WithDbAsync(db => db.Citizens.AsNoTracking().ToListAsync()), c => Assert.Null(c.AssignedCrossing));

        var reopened = await app.SetCrossingOkAsync(last, new { status = "Open" });

        Assert.Equal(3, reopened.GetProperty("placedFromWaiting").GetInt32());
        Assert.Equal(2, (await app.DeliveriesAsync()).Count);
        Assert.All(await app.WithDbAsync(db => db.Citizens.AsNoTracking().ToListAsync()), c => Assert.Equal(last, c.AssignedCrossing));
    }

    [Fact]
    public async Task A_status_change_survives_a_restart_because_the_database_outranks_the_file()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        await app.SetCrossingOkAsync("chop-zahony", new { status = "Closed", notes = "Bridge damaged." });

        var fresh = CrossingsFile.Load(CrossingsFile.ShippedPath);
        await using var db = app.Database.Open();
        await CrossingStates.LoadAsync(db, fresh, app.Time.GetUtcNow().UtcDateTime, CancellationToken.None);

        Assert.True(fresh.TryFindCrossing("chop-zahony", out var chop));
        Assert.Equal(CrossingStatus.Closed, chop.Status);
        Assert.Equal("Bridge damaged.", chop.Notes);
        Assert.True(fresh.TryFindCrossing("shehyni-medyka", out var shehyni));
        Assert.Equal(CrossingStatus.Open, shehyni.Status);
    }

    public static Labelled<string, object, HttpStatusCode> BadRequests => new()
    {
        { "unknown crossing", "nowhere-nohow", new { status = "Closed" }, HttpStatusCode.NotFound },
        { "unknown status", "chop-zahony", new { status = "Shut" }, HttpStatusCode.BadRequest },
        { "status as a number", "chop-zahony", new { status = "2" }, HttpStatusCode.BadRequest },
        { "neither field", "chop-zahony", new { }, HttpStatusCode.BadRequest },
        { "notes too long", "chop-zahony", new { notes = new string('x', 301) }, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_change_is_refused_and_changes_nothing(string id, object body, HttpStatusCode expected)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);

        var response = await app.SetCrossingAsync(id, body);

        Assert.True(expected == response.StatusCode);
        Assert.Equal(CrossingStatus.Open, app.Crossing("chop-zahony").Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "crossing.update")));
    }

    [Fact]
    public async Task Malformed_json_is_refused()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);

        var response = await app.Admin().PutAsync("/api/crossings/chop-zahony", Some.Json("{\"status\": "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(EvacuationApp.ViewerKey)]
    [InlineData(EvacuationApp.OperatorKey)]
    public async Task Only_an_admin_may_change_a_crossing(string key)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);

        var response = await app.ClientWithKey(key).PutAsync("/api/crossings/chop-zahony", Some.Json("""{"status":"Closed"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(CrossingStatus.Open, app.Crossing("chop-zahony").Status);
    }
}
