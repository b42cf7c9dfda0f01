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
