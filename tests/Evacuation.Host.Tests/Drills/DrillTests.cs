using System.Net;
using System.Net.Http.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Tests.Broadcasts;
using Evacuation.Host.Tests.Cases;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Drills;

public sealed class DrillTests
{
    static readonly Dictionary<string, string?> FastSandbox = Providers.LiveAgainst(null, null);

    [Fact]
    public async Task A_drill_seeds_citizens_advises_them_and_plays_their_answers_reminders_call_list_and_a_closure()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, FastSandbox);
        await app.AddCitizensAsync(2, shape: (c, _) => c.Region = "Odesa");

        var started = await app.StartDrillAsync(new { citizens = 300, minutes = 10, closeCrossing = true });
        Assert.Equal("Running", started.GetProperty("state").GetString());
        Assert.InRange(started.GetProperty("citizens").GetInt32(), 290, 300);
        var drill = await app.PlayDrillAsync(TimeSpan.FromMinutes(10));

        Assert.Equal(drill.GetProperty("answersPlanned").GetInt32(), drill.GetProperty("answersSent").GetInt32());
        Assert.Equal(drill.GetProperty("answersSent").GetInt64(), drill.GetProperty("replies").GetInt64());
        Assert.Equal(3, drill.GetProperty("reminderRounds").GetInt32());
        var byStatus = drill.GetProperty("byStatus");
        Assert.True(byStatus.GetProperty("Departed").GetInt32() > byStatus.GetProperty("Unconfirmed").GetInt32());
        Assert.True(byStatus.GetProperty("NeedsHelp").GetInt32() > 0);
        Assert.True(drill.GetProperty("escalated").GetInt32() > 0);
        Assert.True(drill.GetProperty("callList").GetInt64() >= drill.GetProperty("escalated").GetInt32());
        Assert.True((await app.UntilDrillSentAsync(301)).GetProperty("messagesSent").GetInt64() > 300);
        Assert.True(drill.GetProperty("broadcasts").GetInt64() >= 4); // the advisory, three reminder rounds (and the closure's)
        var closed = drill.GetProperty("closedCrossing").GetString()!;
        var crossing = await (await app.Viewer().GetAsync($"/api/crossings/{closed}")).ReadJsonAsync();
        Assert.Equal("Closed", crossing.GetProperty("status").GetString());
        var replies = await app.WithDbAsync(db => db.Replies.Where(r => r.CitizenId != null).Select(r => r.Meaning).ToListAsync());
        Assert.Contains("NeedsHelp", replies);
        Assert.True(drill.GetProperty("helpCases").GetInt64() > 0);
    }

    [Fact]
    public async Task A_drills_help_cases_are_listed_and_taken_only_when_asked_for_never_with_the_real_ones()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, FastSandbox);
        var real = await app.AddCitizensAsync(1);
        await app.ReplyAsync(real[0].Id, "help");
        await app.StartDrillAsync(new { citizens = 200, minutes = 2 });
        var drill = await app.PlayDrillAsync(TimeSpan.FromMinutes(2));
        var drillCases = drill.GetProperty("helpCases").GetInt32();
        Assert.True(drillCases > 0);

        var cases = await (await app.Viewer().GetAsync("/api/cases")).ReadJsonAsync();
        Assert.Equal(1, cases.GetProperty("total").GetInt32());
        Assert.Equal(real[0].Id.ToString(), cases.GetProperty("items")[0].GetProperty("citizen").GetProperty("id").GetString());
        Assert.Equal(drillCases, (await (await app.Viewer().GetAsync("/api/cases?drill=true")).ReadJsonAsync()).GetProperty("total").GetInt32());
        var taken = await (await app.Operator().PostAsync("/api/cases/take", null)).ReadJsonAsync();
        Assert.Equal(real[0].Id.ToString(), taken.GetProperty("citizen").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Operator().PostAsync("/api/cases/take", null)).StatusCode);
        var rehearsed = await app.Operator().PostAsync("/api/cases/take?drill=true", null);
        Assert.Equal(HttpStatusCode.OK, rehearsed.StatusCode);
        Assert.NotEqual(real[0].Id.ToString(), (await rehearsed.ReadJsonAsync()).GetProperty("citizen").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_drills_advisory_never_waits_for_a_second_operator_even_beside_a_live_channel()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        var settings = Providers.LiveAgainst(telegram, null);
        settings["Drills:AllowWithLiveChannels"] = "true";
        settings["Broadcasts:ApprovalThreshold"] = "0";
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, settings);

        await app.StartDrillAsync(new { citizens = 80, minutes = 1, forceSandbox = true });
        await app.PlayDrillAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, await app.WithDbAsync(db => db.Broadcasts.CountAsync(b => b.State == BroadcastState.AwaitingApproval)));
        Assert.True((await app.UntilDrillSentAsync(80)).GetProperty("messagesSent").GetInt64() >= 80);
        Assert.Empty(telegram.SentMessages);
        await app.AddCitizensAsync(1);
        Assert.Equal(HttpStatusCode.Accepted, (await app.Operator().PostAsJsonAsync("/api/broadcasts", new { kind = "Advisory" })).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Broadcasts.CountAsync(b => b.State == BroadcastState.AwaitingApproval))); // a real one still waits
    }

    [Fact]
    public async Task Drill_citizens_stay_out_of_stats_reports_lists_and_operators_broadcasts()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, FastSandbox);
        await app.AddCitizensAsync(2);
        await app.StartDrillAsync(new { citizens = 100, minutes = 1 });
        await app.PlayDrillAsync(TimeSpan.FromMinutes(1));

        var stats = await (await app.Viewer().GetAsync("/api/stats")).ReadJsonAsync();
        Assert.Equal(2, stats.GetProperty("citizens").GetInt32());
        var callList = await (await app.Operator().GetAsync("/api/reports/call-list")).ReadJsonAsync();
        Assert.Equal(0, callList.GetArrayLength());
        var report = await (await app.Operator().GetAsync("/api/reports/unconfirmed")).Content.ReadAsStringAsync();
        Assert.Equal(3, report.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(2, (await (await app.Viewer().GetAsync("/api/citizens")).ReadJsonAsync()).GetProperty("total").GetInt32());
        Assert.True((await (await app.Viewer().GetAsync("/api/citizens?drill=true")).ReadJsonAsync()).GetProperty("total").GetInt32() > 90);
        var advisory = await app.Operator().PostAsJsonAsync("/api/broadcasts", new { kind = "Advisory", dryRun = true });
        Assert.Equal(2, (await advisory.ReadJsonAsync()).GetProperty("recipients").GetInt32());
    }

    [Fact]
    public async Task Cleaning_removes_the_drill_citizens_and_their_rows_restores_the_crossing_and_keeps_the_audit_trail()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, FastSandbox);
        var real = await app.AddCitizensAsync(1, shape: (c, _) => c.Region = "Odesa");
        await app.StartDrillAsync(new { citizens = 120, minutes = 2, closeCrossing = true });
        var drill = await app.PlayDrillAsync(TimeSpan.FromMinutes(2));
        var closed = drill.GetProperty("closedCrossing").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await app.Operator().PostAsync("/api/cases/take?drill=true", null)).StatusCode);

        var response = await app.Admin().PostAsync("/api/drills/clean", null);
        var cleaned = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(drill.GetProperty("citizens").GetInt32(), cleaned.GetProperty("citizens").GetInt32());
        Assert.Equal(closed, cleaned.GetProperty("crossingRestored").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Citizens.CountAsync()));
        var left = await app.WithDbAsync(db => db.Deliveries.Where(d => d.CitizenId != real[0].Id)
            .Select(d => d.State + " " + d.Channel + " " + db.Broadcasts.Where(b => b.Id == d.BroadcastId).Select(b => b.CreatedBy + " " + b.Kind).FirstOrDefault() + " citizen " + db.Citizens.Any(c => c.Id == d.CitizenId))
            .ToListAsync());
        Assert.True(left.Count == 0, string.Join("; ", left.Distinct()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Replies.CountAsync()));
        Assert.Equal(drill.GetProperty("helpCases").GetInt32(), cleaned.GetProperty("cases").GetInt32());
        Assert.Equal(0, await app.WithDbAsync(async db => await db.HelpCases.CountAsync() + await db.CaseNotes.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.CitizenEvents.CountAsync(e => e.CitizenId != real[0].Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Broadcasts.CountAsync(b => !db.Deliveries.Any(d => d.BroadcastId == b.Id))));
        Assert.Equal(CrossingStatus.Open, await app.WithDbAsync(db => db.Crossings.Where(c => c.Id == closed).Select(c => c.Status).SingleAsync()));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync());
        Assert.Contains("drill.start", actions);
        Assert.Contains("drill.clean", actions);
        Assert.Equal("Cleaned", (await app.WithDbAsync(db => db.Drills.SingleAsync())).State.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Viewer().GetAsync("/api/drills/current")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin().PostAsync("/api/drills/clean", null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Evacuation.Testing.TestDatabase.Providers), MemberType = typeof(Evacuation.Testing.TestDatabase))]
    public async Task Cleaning_a_running_drill_stops_it_and_removes_its_citizens(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider, FastSandbox);
        var real = await app.AddCitizensAsync(1);
        var started = await app.StartDrillAsync(new { citizens = 80, minutes = 10 });
        await app.UntilAsync(() => app.WithDbAsync(async db => await db.Deliveries.CountAsync(d => d.State == DeliveryState.Sent) >= 80 ? "advised" : null), "the advisory to be sent");
        app.Time.Advance(TimeSpan.FromMinutes(2));

        var cleaned = await (await app.Admin().PostAsync("/api/drills/clean", null)).ReadJsonAsync();

        Assert.Equal(started.GetProperty("citizens").GetInt32(), cleaned.GetProperty("citizens").GetInt32());
        Assert.Equal(real[0].Id, (await app.WithDbAsync(db => db.Citizens.SingleAsync())).Id);
        app.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await app.WithDbAsync(db => db.Replies.CountAsync()));
        Assert.Equal("Cleaned", (await app.WithDbAsync(db => db.Drills.SingleAsync())).State.ToString());
    }

    [Fact]
    public async Task A_live_channel_refuses_a_drill_unless_the_service_allows_it_and_the_caller_forces_the_sandbox()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using (var plain = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(telegram, null)))
        {
            var refused = await plain.Admin().PostAsJsonAsync("/api/drills", new { citizens = 10, forceSandbox = true });
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("Drills:AllowWithLiveChannels", (await refused.ReadJsonAsync()).GetProperty("detail").GetString());
        }
        var settings = Providers.LiveAgainst(telegram, null);
        settings["Drills:AllowWithLiveChannels"] = "true";
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, settings);

        Assert.Equal(HttpStatusCode.Conflict, (await app.Admin().PostAsJsonAsync("/api/drills", new { citizens = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Admin().PostAsJsonAsync("/api/drills", new { citizens = 10, forceSandbox = true, closeCrossing = true })).StatusCode);
        await app.StartDrillAsync(new { citizens = 60, minutes = 1, forceSandbox = true });
        await app.PlayDrillAsync(TimeSpan.FromMinutes(1));
        await app.UntilAsync(() => app.WithDbAsync(async db => await db.Deliveries.AnyAsync(d => d.State == DeliveryState.Pending || d.State == DeliveryState.Sending) ? null : "settled"), "drill messages to be sent");
        var drill = await app.CurrentDrillAsync();

        Assert.True((await app.UntilDrillSentAsync(60)).GetProperty("messagesSent").GetInt64() >= 60);
        Assert.Empty(telegram.SentMessages);
    }

    [Fact]
    public async Task Only_admins_start_or_clean_drills_and_bad_numbers_are_refused()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, FastSandbox);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Operator().PostAsJsonAsync("/api/drills", new { citizens = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Operator().PostAsync("/api/drills/clean", null)).StatusCode);
        var bad = await app.Admin().PostAsJsonAsync("/api/drills", new { citizens = 0, minutes = 1000 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var detail = (await bad.ReadJsonAsync()).ToString();
        Assert.Contains("citizens must be between", detail);
        Assert.Contains("minutes must be between", detail);
        await app.StartDrillAsync(new { citizens = 10, minutes = 1 });
        Assert.Equal(HttpStatusCode.Conflict, (await app.Admin().PostAsJsonAsync("/api/drills", new { citizens = 10 })).StatusCode);
    }
}
