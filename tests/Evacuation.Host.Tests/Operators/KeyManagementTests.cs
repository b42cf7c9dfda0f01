using System.Net;
using System.Net.Http.Json;
using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Operators;

public sealed class KeyManagementTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_admin_creates_a_key_sees_its_secret_once_and_a_revoked_key_is_refused_at_once(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var admin = app.Admin();

        var (id, secret) = await admin.CreateAsync("wall-screen", "Viewer");
        Assert.True(secret.Length >= 32, secret.Length.ToString());
        var screen = app.With(secret);
        Assert.Equal(HttpStatusCode.OK, (await screen.GetAsync("/api/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await screen.PostAsync("/api/citizens", Some.Json("{}"))).StatusCode);

        var listed = await admin.GetStringAsync("/api/keys");
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        var row = (await admin.ListAsync()).Single(k => k.GetProperty("id").GetString() == id);
        Assert.Equal("wall-screen", row.GetProperty("name").GetString());
        Assert.Equal("Viewer", row.GetProperty("role").GetString());
        Assert.Equal("Created", row.GetProperty("source").GetString());
        Assert.Equal("admin", row.GetProperty("createdBy").GetString());

        var revoked = await admin.DeleteAsync($"/api/keys/{id}");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.String, (await revoked.ReadJsonAsync()).GetProperty("revokedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, (await screen.GetAsync("/api/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/keys/{id}")).StatusCode);

        await using var db = app.Database.Open();
        var audit = await db.AuditEntries.Where(a => a.Action.StartsWith("keys.")).OrderBy(a => a.Id).Select(a => a.Action + " " + a.Actor).ToListAsync();
        Assert.Equal(["keys.create admin", "keys.list admin", "keys.list admin", "keys.revoke admin"], audit);
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.Detail).ToListAsync(), d => d.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_admins_manage_keys()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        foreach (var client in new[] { app.Viewer(), app.Operator() })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/keys")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/keys", new { name = "x", role = "Admin" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/keys/{Guid.NewGuid()}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/keys")).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"","role":"Viewer"}""", "name is required")]
    [InlineData("""{"name":"screen","role":"Boss"}""", "role must be Viewer, Operator or Admin")]
    [InlineData("""{"name":"screen","role":"5"}""", "role must be Viewer, Operator or Admin")]
    [InlineData("""{"name":"screen"}""", "role must be Viewer, Operator or Admin")]
    [InlineData("""{"name":"a\u0000b","role":"Viewer"}""", "control characters")]
    public async Task A_bad_key_request_is_a_400_that_says_what_to_fix(string body, string detail)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var response = await app.Admin().PostAsync("/api/keys", Some.Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_name_belongs_to_one_active_key_and_is_free_again_once_it_is_revoked()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var admin = app.Admin();
        var (id, _) = await admin.CreateAsync("night-shift", "Operator");

        var again = await admin.PostAsJsonAsync("/api/keys", new { name = "Night-Shift", role = "Viewer" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/keys", new { name = "duty-officer", role = "Viewer" })).StatusCode);

        await admin.DeleteAsync($"/api/keys/{id}");
        var (_, secret) = await admin.CreateAsync("night-shift", "Operator");
        Assert.Equal(HttpStatusCode.OK, (await app.With(secret).GetAsync("/api/stats")).StatusCode);
    }

    [Fact]
    public async Task The_last_admin_key_cannot_be_revoked_but_a_configured_key_can_and_stays_revoked_after_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        string configuredAdmin;
        await using (var app = EvacuationApp.StartOn(database))
        {
            var admin = app.Admin();
            var keys = await admin.ListAsync();
            Assert.All(keys, k => Assert.Equal("Configured", k.GetProperty("source").GetString()));
            configuredAdmin = keys.Single(k => k.GetProperty("name").GetString() == "admin").GetProperty("id").GetString()!;
            var last = await admin.DeleteAsync($"/api/keys/{configuredAdmin}");
            Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
            Assert.Contains("last Admin key", (await last.ReadJsonAsync()).GetProperty("detail").GetString());

            var viewer = keys.Single(k => k.GetProperty("name").GetString() == "duty-viewer").GetProperty("id").GetString();
            Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/keys/{viewer}")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.Viewer().GetAsync("/api/stats")).StatusCode);
        }

        var logs = new LogLines();
        await using (var restarted = EvacuationApp.StartOn(database, services: logs.Register))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await restarted.Viewer().GetAsync("/api/stats")).StatusCode);
            Assert.Contains("Operators:ApiKeys:0 ('duty-viewer') was revoked and stays refused", logs.All);
            Assert.Equal(HttpStatusCode.OK, (await restarted.Operator().GetAsync("/api/stats")).StatusCode);
        }
    }

    [Fact]
    public async Task A_key_removed_from_the_configuration_is_revoked_at_the_next_start()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (EvacuationApp.StartOn(database))
        {
        }
        await using var restarted = EvacuationApp.StartOn(database, new() { ["Operators:ApiKeys:1:Name"] = null, ["Operators:ApiKeys:1:Key"] = null, ["Operators:ApiKeys:1:Role"] = null });
        Assert.Equal(HttpStatusCode.Unauthorized, (await restarted.Operator().GetAsync("/api/stats")).StatusCode);
        var row = (await restarted.Admin().ListAsync()).Single(k => k.GetProperty("name").GetString() == "duty-officer");
        Assert.Equal(System.Text.Json.JsonValueKind.String, row.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task Last_use_is_stamped_at_most_once_a_minute()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var start = app.Time.GetUtcNow().UtcDateTime;
        await app.Viewer().GetAsync("/api/stats");
        app.Time.Advance(TimeSpan.FromSeconds(30));
        await app.Viewer().GetAsync("/api/stats");
        Assert.Equal(start, await LastUsedAsync(app, "duty-viewer"));

        app.Time.Advance(TimeSpan.FromSeconds(31));
        await app.Viewer().GetAsync("/api/stats");
        Assert.Equal(start.AddSeconds(61), await LastUsedAsync(app, "duty-viewer"));
    }

    static async Task<DateTime?> LastUsedAsync(EvacuationApp app, string name)
    {
        await using var db = app.Database.Open();
        return (await db.ApiKeys.SingleAsync(k => k.Name == name)).LastUsedAt;
    }
}
