using System.Net;
using Evacuation.Data;
using Evacuation.Testing;

namespace Evacuation.Host.Tests.Operators;

/// <summary>Several nodes on one PostgreSQL database check keys against one table.</summary>
public sealed class SharedKeysTests
{
    [Fact]
    public async Task A_key_created_on_one_node_works_on_the_other_and_once_revoked_is_refused_there_within_a_second()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var a = EvacuationApp.StartOn(database);
        await using var b = EvacuationApp.StartOn(database);
        var (id, secret) = await a.Admin().CreateAsync("screen", "Viewer");
        b.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await b.With(secret).GetAsync("/api/stats")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await a.Admin().DeleteAsync($"/api/keys/{id}")).StatusCode);
        b.Time.Advance(Host.Operators.OperatorKeyring.MaxAge);
        Assert.Equal(HttpStatusCode.Unauthorized, (await b.With(secret).GetAsync("/api/stats")).StatusCode);
    }
}
