using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Cluster;
using Evacuation.Host.Routes;
using Evacuation.Host.Tests.Routes;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Tests.Cluster;

public sealed class SharedCrossingTests
{
    [Fact]
    public async Task A_crossing_closed_on_one_node_is_avoided_by_the_other_once_it_reads_the_table()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var first = EvacuationApp.StartOn(database, Nodes.Settings("a"));
        await using var second = EvacuationApp.StartOn(database, Nodes.Settings("b"));
        var (_, lviv) = await first.AddCitizenAsync(1, "Lviv");

        await first.SetCrossingOkAsync(lviv!, new { status = "Closed", notes = "Shelled" });
        // What the follower does twice a second, done now so the test does not wait for it.
        await second.Services.GetRequiredService<SharedCrossings>().RefreshAsync(CancellationToken.None);

        Assert.Equal(CrossingStatus.Closed, second.Crossing(lviv!).Status);
        Assert.Equal("Shelled", second.Crossing(lviv!).Notes);
        var (_, assigned) = await second.AddCitizenAsync(2, "Lviv");
        Assert.NotNull(assigned);
        Assert.NotEqual(lviv, assigned);
    }

    [Fact]
    public async Task Two_closures_at_once_on_two_nodes_leave_nobody_on_either_closed_crossing()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var first = EvacuationApp.StartOn(database, Nodes.Settings("a"));
        await using var second = EvacuationApp.StartOn(database, Nodes.Settings("b"));
        for (var n = 0; n < 20; n++)
        {
            await first.AddCitizenAsync(n, "Lviv");
        }
        var nearest = first.Crossing((await first.AddCitizenAsync(99, "Lviv")).Crossing!).Id;
        var next = NextAfter(first, nearest, "Lviv");

        // Node a closes Lviv's crossing (moving its citizens to the next one) while node b closes that next one.
        var answers = await Task.WhenAll(
            Task.Run(() => first.SetCrossingAsync(nearest, new { status = "Closed" })),
            Task.Run(() => second.SetCrossingAsync(next, new { status = "Closed" })));

        Assert.All(answers, a => a.EnsureSuccessStatusCode());
        var stranded = await first.WithDbAsync(db => db.Citizens.CountAsync(c => c.AssignedCrossing == nearest || c.AssignedCrossing == next));
        Assert.Equal(0, stranded);
    }

    [Fact]
    public async Task A_citizen_another_node_assigned_the_crossing_just_after_it_closed_is_re_routed_and_told()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var node = EvacuationApp.StartOn(database, Nodes.Settings("a"));
        var (_, lviv) = await node.AddCitizenAsync(1, "Lviv");
        await node.SetCrossingOkAsync(lviv!, new { status = "Closed" });

        // What a node that has not yet read the closure does in that half second: assigns the closed crossing.
        var (late, _) = await node.AddCitizenAsync(2, "Lviv");
        await node.WithDbAsync(db => db.Citizens.Where(c => c.Id == Guid.Parse(late))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedCrossing, lviv)));
        node.Time.Advance(TimeSpan.FromSeconds(5)); // past the closure's aftermath (twice the crossings' refresh and a second)

        var moved = await node.UntilAsync(async () => await node.WithDbAsync(db => db.Citizens.AsNoTracking()
            .Where(c => c.Id == Guid.Parse(late) && c.AssignedCrossing != lviv).Select(c => c.AssignedCrossing).FirstOrDefaultAsync()), "the late arrival to be re-routed");
        Assert.NotEqual(lviv, moved);
        Assert.Equal(1, await node.WithDbAsync(db => db.Deliveries.CountAsync(d => d.CitizenId == Guid.Parse(late))));
    }

    /// <summary>The crossing citizens of <paramref name="region"/> are sent to once <paramref name="closed"/> is closed.</summary>
    static string NextAfter(EvacuationApp app, string closed, string region)
    {
        var file = CrossingsFile.Load(app.Services.GetRequiredService<IOptions<RoutesOptions>>().Value.FullPath);
        Assert.True(file.TryFindCrossing(closed, out var crossing));
        crossing.Status = CrossingStatus.Closed;
        var assignment = new CrossingAssignment(file);
        return assignment.Choose(assignment.StartingPoint(null, null, region)!.Value)!.Id;
    }
}
