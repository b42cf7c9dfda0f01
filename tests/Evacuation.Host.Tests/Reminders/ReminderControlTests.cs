using System.Net;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Reminders;

public sealed class ReminderControlTests
{
    [Fact]
    public async Task An_admin_pauses_and_resumes_reminders_and_doing_either_twice_is_a_conflict()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Reminded.Settings());

        var before = await (await app.Viewer().GetAsync("/api/reminders")).ReadJsonAsync();
        Assert.False(before.GetProperty("paused").GetBoolean());
        Assert.StartsWith("2099-01-01", before.GetProperty("nextFireAt").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Operator().PostAsync("/api/reminders/pause", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Admin().PostAsync("/api/reminders/pause", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Admin().PostAsync("/api/reminders/pause", null)).StatusCode);
        var paused = await (await app.Viewer().GetAsync("/api/reminders")).ReadJsonAsync();
        Assert.True(paused.GetProperty("paused").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await app.Admin().PostAsync("/api/reminders/resume", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Admin().PostAsync("/api/reminders/resume", null)).StatusCode);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("reminders.")).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["reminders.pause", "reminders.resume"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("admin", a.Actor));
    }

    [Fact]
    public async Task The_call_list_puts_those_who_asked_for_help_before_those_who_went_silent()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Reminded.Settings());
        var silentAt = app.Time.GetUtcNow().UtcDateTime;
        await app.AddCitizensAsync(4, shape: (c, n) =>
        {
            (c.Status, c.EscalatedAt) = n switch
            {
                0 => (JourneyStatus.Unconfirmed, silentAt),
                1 => (JourneyStatus.NeedsHelp, (DateTime?)null),
                2 => (JourneyStatus.Departed, silentAt),
                _ => (JourneyStatus.Unconfirmed, null),
            };
        });

        var list = await (await app.Operator().GetAsync("/api/reports/call-list")).ReadJsonAsync();

        Assert.Equal(2, list.GetArrayLength());
        Assert.Equal(["Citizen 1", "Citizen 0"], list.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(["NeedsHelp", "Escalated"], list.EnumerateArray().Select(e => e.GetProperty("reason").GetString()));
        Assert.Equal(Some.Phone(0), list[1].GetProperty("phone").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, list[1].GetProperty("history").ValueKind);
    }

    [Fact]
    public async Task Health_reports_the_scheduler()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Reminded.Settings());
        var health = await (await app.CreateClient().GetAsync("/health")).ReadJsonAsync();
        Assert.Contains(health.GetProperty("scheduler").GetString(), new[] { "running", "starting" });
    }
}
