using System.Net;
using Evacuation.Core.CheckIn;
using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.CheckIn;

/// <summary>Operators rotate and revoke a citizen's link; both are audited, and neither log holds the token.</summary>
public sealed class CheckInLinkApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rotating_issues_a_new_link_at_once_and_revoking_ends_it(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider, new() { ["Web:PublicBaseUrl"] = "https://evac.example.org" });
        var citizen = (await app.AddCitizensAsync(1)).Single();
        var client = app.CreateClient();

        var rotated = await app.Operator().PostAsync($"/api/citizens/{citizen.Id}/check-in-link", null);
        var body = await rotated.ReadJsonAsync();
        var token = body.GetProperty("token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.True(CheckInToken.IsWellFormed(token));
        Assert.NotEqual(citizen.CheckInToken, token);
        Assert.Equal($"https://evac.example.org/c/{token}", body.GetProperty("link").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await CheckInVisit.OpenAsync(client, citizen.CheckInToken!)).Status);
        Assert.Equal(HttpStatusCode.OK, (await CheckInVisit.OpenAsync(client, token)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Operator().DeleteAsync($"/api/citizens/{citizen.Id}/check-in-link")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CheckInVisit.OpenAsync(client, token)).Status);
        Assert.Null((await app.CitizenAsync(citizen.Id)).CheckInToken);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "citizen.check-in-link").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["duty-officer", "duty-officer"], audit.Select(a => a.Actor));
        Assert.Equal(["check-in link replaced; the old link no longer works", "check-in link revoked"], audit.Select(a => a.Detail));
        var timeline = await app.EventsAsync(citizen.Id);
        Assert.Equal(2, timeline.Count(e => e.Detail.StartsWith("check-in link", StringComparison.Ordinal)));
        Assert.DoesNotContain(audit.Concat<object>(timeline), e => e.ToString()!.Contains(token, StringComparison.Ordinal));
        Assert.All(audit, a => Assert.DoesNotContain(token, a.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_citizen_gets_a_link_again_when_one_is_issued_and_their_messages_carry_none_meanwhile()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, new() { ["Web:PublicBaseUrl"] = "https://evac.example.org" });
        var citizen = (await app.AddCitizensAsync(1)).Single();
        await app.Operator().DeleteAsync($"/api/citizens/{citizen.Id}/check-in-link");

        var issued = await (await app.Operator().PostAsync($"/api/citizens/{citizen.Id}/check-in-link", null)).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, (await CheckInVisit.OpenAsync(app.CreateClient(), issued.GetProperty("token").GetString()!)).Status);
        Assert.Contains(await app.EventsAsync(citizen.Id), e => e.Detail == "check-in link issued");
    }

    [Fact]
    public async Task Viewers_may_not_and_unknown_citizens_are_named()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var citizen = (await app.AddCitizensAsync(1)).Single();

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Viewer().PostAsync($"/api/citizens/{citizen.Id}/check-in-link", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Viewer().DeleteAsync($"/api/citizens/{citizen.Id}/check-in-link")).StatusCode);
        var missing = await app.Operator().PostAsync($"/api/citizens/{Guid.NewGuid()}/check-in-link", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.StartsWith("No citizen has id", (await missing.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(citizen.CheckInToken, (await app.CitizenAsync(citizen.Id)).CheckInToken);
    }
}
