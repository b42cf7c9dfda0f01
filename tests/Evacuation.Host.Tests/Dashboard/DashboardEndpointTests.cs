using System.Net.Http.Json;
using System.Net;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Host.Dashboard;
using Evacuation.Host.Operators;
using Evacuation.Host.Stats;
using Evacuation.Testing;

namespace Evacuation.Host.Tests.Dashboard;

public sealed class DashboardEndpointTests
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/dashboard/app.js", "text/javascript")]
    [InlineData("/dashboard/app.css", "text/css")]
    public async Task The_page_and_its_files_are_served_without_a_key_under_a_strict_content_security_policy(string path, string type)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);

        var response = await app.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DashboardEndpoints.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/dashboard/missing.js")]
    [InlineData("/dashboard/..%2Fappsettings.json")]
    [InlineData("/dashboard/index.exe")]
    public async Task Anything_else_under_dashboard_is_not_found(string path)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);

        var response = await app.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void The_page_loads_nothing_from_another_site()
    {
        var names = DashboardAssets.Names.ToList();
        Assert.Equal(["app.css", "app.js", "approvals.js", "cases.js", "drill.js", "index.html"], names.Order());
        foreach (var name in names)
        {
            var text = System.Text.Encoding.UTF8.GetString(DashboardAssets.Find(name)!.Value.Bytes);
            Assert.DoesNotContain("http://", text.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Me_names_the_key_and_its_role_and_needs_a_key()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);

        var me = await app.Viewer().GetFromJsonAsync<OperatorEndpoints.SignedIn>("/api/me", TestContext.Current.CancellationToken);
        var anonymous = await app.CreateClient().GetAsync("/api/me", TestContext.Current.CancellationToken);

        Assert.Equal(new OperatorEndpoints.SignedIn("duty-viewer", "Viewer"), me);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_timeline_counts_citizens_who_are_departed_now_at_their_last_status_change()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var now = app.Time.GetUtcNow().UtcDateTime;
        await using (var db = app.Database.Open())
        {
            var gone = new Citizen { Name = "Gone", Phone = Some.Phone(1), Status = JourneyStatus.Departed, CreatedAt = now, UpdatedAt = now };
            var back = new Citizen { Name = "Needs help after all", Phone = Some.Phone(2), Status = JourneyStatus.NeedsHelp, CreatedAt = now, UpdatedAt = now };
            db.Citizens.AddRange(gone, back);
            db.CitizenEvents.AddRange(
                new CitizenEvent { CitizenId = gone.Id, At = now.AddMinutes(-30), Kind = CitizenEventKind.StatusChanged, Detail = "Unconfirmed -> OnTheWay" },
                new CitizenEvent { CitizenId = gone.Id, At = now.AddMinutes(-10), Kind = CitizenEventKind.StatusChanged, Detail = "OnTheWay -> Departed" },
                new CitizenEvent { CitizenId = back.Id, At = now.AddMinutes(-20), Kind = CitizenEventKind.StatusChanged, Detail = "Unconfirmed -> Departed" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var timeline = await app.Viewer().GetFromJsonAsync<ConfirmationTimeline.TimelineView>("/api/stats/timeline", TestContext.Current.CancellationToken);

        Assert.NotNull(timeline);
        Assert.Equal(1, timeline.Points[^1].Departed);
        Assert.Equal(0, timeline.Points.Single(p => p.At == now.AddMinutes(-12)).Departed);
    }
}
