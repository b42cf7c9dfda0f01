using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Routes;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Routes;

public sealed class CrossingAssignmentApiTests
{
    public static TheoryData<string, string[]> CitiesNearEachBorder => new()
    {
        { "Lviv", ["PL"] },
        { "Volyn", ["PL"] },
        { "Uzhhorod", ["SK", "HU"] },
        { "Berehove", ["HU"] },
        { "Chernivtsi", ["RO"] },
        { "Odesa", ["MD"] },
    };

    [Theory]
    [MemberData(nameof(CitiesNearEachBorder))]
    public async Task A_citizen_added_by_region_is_stored_with_a_crossing_into_the_nearest_country(string region, string[] countries)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);

        var (id, crossing) = await app.AddCitizenAsync(1, region);

        Assert.NotNull(crossing);
        Assert.Contains(app.Crossing(crossing).Country, countries);
        var stored = await app.WithDbAsync(db => db.Citizens.SingleAsync(c => c.Id == Guid.Parse(id)));
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime, stored.AssignedCrossingAt);
    }

    [Fact]
    public async Task A_shared_location_outranks_the_region_when_the_planner_assigns()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var (id, fromRegion) = await app.AddCitizenAsync(1, "Lviv");
        var planner = app.Services.GetRequiredService<CrossingPlanner>();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvacuationDb>();
        var citizen = await db.Citizens.SingleAsync(c => c.Id == Guid.Parse(id));
        (citizen.Latitude, citizen.Longitude) = (48.29, 25.94); // Chernivtsi
        planner.AssignAll([citizen], app.Time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        Assert.Equal("PL", app.Crossing(fromRegion!).Country);
        Assert.Equal("RO", app.Crossing(citizen.AssignedCrossing!).Country);
        var stored = await app.WithDbAsync(d => d.Citizens.AsNoTracking().SingleAsync(c => c.Id == citizen.Id));
        Assert.Equal(citizen.AssignedCrossing, stored.AssignedCrossing);
    }

    [Fact]
    public async Task An_import_stores_a_crossing_for_every_citizen_with_a_known_region_and_none_for_an_unknown_one()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var csv = "externalId,name,phone,region\nA,Anna,+380501111111,Lviv\nB,Borys,+380502222222,Odesa\nC,Cyril,+380503333333,Atlantis\n";

        var response = await app.Operator().PostAsync("/api/citizens/import", Some.Csv(csv));

        response.EnsureSuccessStatusCode();
        var citizens = await app.WithDbAsync(db => db.Citizens.AsNoTracking().ToDictionaryAsync(c => c.ExternalId!));
        Assert.Equal("PL", app.Crossing(citizens["A"].AssignedCrossing!).Country);
        Assert.Equal("MD", app.Crossing(citizens["B"].AssignedCrossing!).Country);
        Assert.Null(citizens["C"].AssignedCrossing);
        Assert.Null(citizens["C"].AssignedCrossingAt);
    }

    [Fact]
    public async Task Changing_a_citizens_region_moves_their_crossing()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var first = await app.Operator().PostCitizenAsync(new { externalId = "X", phone = Some.Phone(1), region = "Lviv" });

        var moved = await app.Operator().PostCitizenAsync(new { externalId = "X", region = "Odesa" });

        Assert.Equal("PL", app.Crossing(first.GetProperty("assignedCrossing").GetString()!).Country);
        Assert.Equal("MD", app.Crossing(moved.GetProperty("assignedCrossing").GetString()!).Country);
    }

    [Fact]
    public async Task The_crossings_list_shows_each_crossing_with_how_many_citizens_it_has()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var (_, lviv) = await app.AddCitizenAsync(1, "Lviv");
        await app.AddCitizenAsync(2, "Lviv");
        var (_, odesa) = await app.AddCitizenAsync(3, "Odesa");

        var list = await app.Viewer().GetFromJsonAsync<JsonElement>("/api/crossings");

        var byId = list.EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal(app.File().Crossings.Count, byId.Count);
        Assert.Equal(2, byId[lviv!].GetProperty("citizensAssigned").GetInt32());
        Assert.Equal(1, byId[odesa!].GetProperty("citizensAssigned").GetInt32());
        var shehyni = byId["shehyni-medyka"];
        Assert.Equal("PL", shehyni.GetProperty("country").GetString());
        Assert.Equal("Open", shehyni.GetProperty("status").GetString());
        Assert.True(shehyni.GetProperty("pedestriansAllowed").GetBoolean());
        Assert.InRange(shehyni.GetProperty("latitude").GetDouble(), 49, 50);
        Assert.Equal(4, shehyni.GetProperty("names").EnumerateObject().Count());
    }

    [Fact]
    public async Task Route_instructions_name_the_stored_crossing_even_when_another_is_nearer()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, new() { ["Telegram:MessagesPerSecond"] = "1000" });
        await app.AddCitizensAsync(1, shape: (c, _) => (c.Language, c.AssignedCrossing) = (Language.English, "reni-giurgiulesti"));

        var id = await app.BroadcastAsync(new { kind = "RouteInstructions" });
        await app.UntilStateAsync(id, "Completed");

        var delivery = Assert.Single(await app.DeliveriesAsync());
        Assert.Contains(app.Crossing("reni-giurgiulesti").DisplayName(Language.English), delivery.Text, StringComparison.Ordinal);
    }
}
