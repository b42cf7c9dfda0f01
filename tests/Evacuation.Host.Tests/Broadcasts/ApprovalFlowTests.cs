using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Approvals;
using Evacuation.Host.Schedules;
using Evacuation.Host.Tests.Cases;
using Evacuation.Host.Tests.Routes;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Evacuation.Host.Tests.Broadcasts;

/// <summary>
/// Two-person approval with the default threshold (50) against a live fake Telegram: a large live broadcast waits
/// until an operator with another key name approves it; clear answers to everything else.
/// </summary>
public sealed class ApprovalFlowTests
{
    public const string SecondOperatorKey = TestKeys.SecondOperator;

    /// <summary>The service, live against a fake Telegram, with a second Operator key and <c>citizens</c> in Lviv on Telegram.</summary>
    sealed record Service(EvacuationApp App, FakeTelegramServer Telegram) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Telegram.DisposeAsync();
        }
    }

    /// <summary>Live against <paramref name="telegram"/>, the approval threshold at its default unless given, and a second Operator key.</summary>
    public static Dictionary<string, string?> Settings(FakeTelegramServer telegram, string? threshold = null)
    {
        var settings = Providers.LiveAgainst(telegram, null);
        settings.Remove("Broadcasts:ApprovalThreshold");
        if (threshold is not null)
        {
            settings["Broadcasts:ApprovalThreshold"] = threshold;
        }
        return TestKeys.WithSecondOperator(settings);
    }

    static async Task<Service> StartAsync(int citizens, StorageProvider provider = StorageProvider.Sqlite, string? threshold = null)
    {
        var telegram = await FakeTelegramServer.StartAsync();
        var app = await EvacuationApp.StartAsync(provider, Settings(telegram, threshold));
        await app.AddCitizensAsync(citizens, sms: false);
        return new(app, telegram);
    }

    static async Task<JsonElement> RequestAsync(EvacuationApp app, object request)
    {
        var response = await app.Operator().PostAsJsonAsync("/api/broadcasts", request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    static Task<HttpResponseMessage> DecideAsync(HttpClient client, string id, string decision, object? body = null) =>
        body is null ? client.PostAsync($"/api/broadcasts/{id}/{decision}", null) : client.PostAsJsonAsync($"/api/broadcasts/{id}/{decision}", body);

    static async Task<string> DetailAsync(HttpResponseMessage response) => (await response.ReadJsonAsync()).GetProperty("detail").GetString()!;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_live_broadcast_above_the_threshold_is_not_sent_until_a_different_key_approves_it(StorageProvider provider)
    {
        await using var service = await StartAsync(60, provider);
        var (app, telegram) = service;
        await app.AddCitizensAsync(2, sms: false, from: 100, shape: (c, _) => c.Region = "Kyiv");

        var accepted = await RequestAsync(app, new { kind = "Advisory" });
        var id = accepted.GetProperty("id").GetString()!;
        Assert.Equal("AwaitingApproval", accepted.GetProperty("state").GetString());
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime.AddMinutes(15), accepted.GetProperty("approvalExpiresAt").GetDateTime());

        // A small broadcast asked for after it goes out: fan-out takes due broadcasts oldest first, so had the large
        // one been released it would have been written first.
        var small = await app.BroadcastAsync(new { kind = "Custom", text = new { en = "Test" }, audience = new { regions = new[] { "Kyiv" } } });
        await app.UntilStateAsync(small, "Completed");
        Assert.Empty(await app.WithDbAsync(db => db.Deliveries.Where(d => d.BroadcastId == Guid.Parse(id)).ToListAsync()));
        Assert.Equal(2, telegram.SentMessages.Count);

        var own = await DecideAsync(app.Operator(), id, "approve");
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("another operator", await DetailAsync(own), StringComparison.Ordinal);

        var waiting = await app.ProgressAsync(id);
        var approval = waiting.GetProperty("approval");
        Assert.Equal("Waiting", approval.GetProperty("decision").GetString());
        Assert.Equal("duty-officer", approval.GetProperty("requestedBy").GetString());
        Assert.Equal(62, approval.GetProperty("estimate").GetProperty("recipients").GetInt32());
        Assert.Contains("{replyCodes}", approval.GetProperty("text").GetProperty("en").GetString(), StringComparison.Ordinal);

        var approved = await DecideAsync(app.ClientWithKey(SecondOperatorKey), id, "approve");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("second-officer", (await approved.ReadJsonAsync()).GetProperty("approval").GetProperty("decidedBy").GetString());

        await app.UntilStateAsync(id, "Completed");
        Assert.Equal(64, telegram.SentMessages.Count);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == id).OrderBy(a => a.Id).Select(a => a.Action + " " + a.Actor).ToListAsync());
        Assert.Equal(["broadcast.create duty-officer", "broadcast.approve second-officer"], audit);
    }

    [Fact]
    public async Task Deciding_twice_is_a_conflict_that_names_who_decided_and_is_recorded_once()
    {
        await using var service = await StartAsync(51);
        var app = service.App;
        var approvedId = (await RequestAsync(app, new { kind = "Advisory" })).GetProperty("id").GetString()!;
        var rejectedId = (await RequestAsync(app, new { kind = "RouteInstructions" })).GetProperty("id").GetString()!;

        (await DecideAsync(app.Admin(), approvedId, "approve")).EnsureSuccessStatusCode();
        var rejected = await DecideAsync(app.ClientWithKey(SecondOperatorKey), rejectedId, "reject", new { reason = "wrong crossing in the notes" });
        var approveAgain = await DecideAsync(app.ClientWithKey(SecondOperatorKey), approvedId, "approve");
        var rejectApproved = await DecideAsync(app.ClientWithKey(SecondOperatorKey), approvedId, "reject");
        var approveRejected = await DecideAsync(app.Admin(), rejectedId, "approve");

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var shown = (await rejected.ReadJsonAsync()).GetProperty("approval");
        Assert.Equal("Rejected", shown.GetProperty("decision").GetString());
        Assert.Equal("wrong crossing in the notes", shown.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, approveAgain.StatusCode);
        Assert.Contains("already approved by admin", await DetailAsync(approveAgain), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, rejectApproved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, approveRejected.StatusCode);
        Assert.Contains("rejected by second-officer", await DetailAsync(approveRejected), StringComparison.Ordinal);
        Assert.Equal("Rejected", (await app.ProgressAsync(rejectedId)).GetProperty("state").GetString());
        Assert.Equal(1, await app.AuditCountAsync("broadcast.approve"));
        Assert.Equal(1, await app.AuditCountAsync("broadcast.reject"));
        await app.UntilStateAsync(approvedId, "Completed");
        Assert.Empty(await app.WithDbAsync(db => db.Deliveries.Where(d => d.BroadcastId == Guid.Parse(rejectedId)).ToListAsync()));
    }

    [Fact]
    public async Task An_unapproved_request_expires_after_the_window_and_can_no_longer_be_approved()
    {
        await using var service = await StartAsync(51);
        var app = service.App;
        var late = (await RequestAsync(app, new { kind = "Advisory" })).GetProperty("id").GetString()!;
        var swept = (await RequestAsync(app, new { kind = "RouteInstructions" })).GetProperty("id").GetString()!;

        app.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var approve = await DecideAsync(app.Admin(), late, "approve");

        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Contains("expired unapproved", await DetailAsync(approve), StringComparison.Ordinal);
        Assert.Equal("ApprovalExpired", (await app.ProgressAsync(late)).GetProperty("state").GetString());
        // The other one is expired by the service's sweep, on its own.
        Assert.Equal("Expired", (await app.UntilStateAsync(swept, "ApprovalExpired")).GetProperty("approval").GetProperty("decision").GetString());
        Assert.Equal(2, await app.AuditCountAsync("broadcast.approval-expired"));
        Assert.Equal(0, await app.Services.GetRequiredService<ApprovalExpiry>().ExpireDueAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await app.WithDbAsync(db => db.Deliveries.ToListAsync()));
    }

    [Fact]
    public async Task A_request_its_requester_cancelled_cannot_be_approved()
    {
        await using var service = await StartAsync(51);
        var app = service.App;
        var id = (await RequestAsync(app, new { kind = "Advisory" })).GetProperty("id").GetString()!;

        var reject = await DecideAsync(app.Operator(), id, "reject");
        (await app.Operator().PostAsync($"/api/broadcasts/{id}/cancel", null)).EnsureSuccessStatusCode();
        var approve = await DecideAsync(app.Admin(), id, "approve");

        Assert.Equal(HttpStatusCode.Forbidden, reject.StatusCode);
        Assert.Contains("cancel it", await DetailAsync(reject), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Contains("cancelled before anyone approved it", await DetailAsync(approve), StringComparison.Ordinal);
        Assert.Equal("Withdrawn", (await app.ProgressAsync(id)).GetProperty("approval").GetProperty("decision").GetString());
    }

    public static TheoryData<string, string, string?, HttpStatusCode> BadDecisions => new()
    {
        { "unknown broadcast", "0193c0de-0000-7000-8000-000000000000", null, HttpStatusCode.NotFound },
        { "not an id", "tomorrow", null, HttpStatusCode.NotFound },
        { "a reason longer than 500 characters", "WAITING", "{\"reason\":\"" + new string('x', 501) + "\"}", HttpStatusCode.BadRequest },
        { "malformed JSON", "WAITING", "{\"reason\":", HttpStatusCode.BadRequest },
        { "a broadcast that never needed approval", "SMALL", null, HttpStatusCode.Conflict },
    };

    [Theory]
    [MemberData(nameof(BadDecisions))]
    public async Task Bad_decisions_get_a_clear_problem_and_change_nothing(string label, string target, string? body, HttpStatusCode expected)
    {
        Assert.NotEmpty(label);
        await using var service = await StartAsync(51);
        var app = service.App;
        await app.AddCitizensAsync(1, sms: false, from: 100, shape: (c, _) => c.Region = "Kyiv");
        var waiting = (await RequestAsync(app, new { kind = "Advisory" })).GetProperty("id").GetString()!;
        var small = await app.BroadcastAsync(new { kind = "Custom", text = new { en = "Test" }, audience = new { regions = new[] { "Kyiv" } } });
        var id = target switch { "WAITING" => waiting, "SMALL" => small, _ => target };
        using var content = new StringContent(body ?? "", System.Text.Encoding.UTF8, "application/json");

        var response = await app.ClientWithKey(SecondOperatorKey).PostAsync($"/api/broadcasts/{id}/approve", body is null ? null : content);

        Assert.Equal(expected, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await DetailAsync(response)));
        Assert.Equal("AwaitingApproval", (await app.ProgressAsync(waiting)).GetProperty("state").GetString());
        Assert.Equal(0, await app.AuditCountAsync("broadcast.approve"));
    }

    [Fact]
    public async Task A_viewer_cannot_approve()
    {
        await using var service = await StartAsync(51);
        var app = service.App;
        var id = (await RequestAsync(app, new { kind = "Advisory" })).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(app.Viewer(), id, "approve")).StatusCode);
    }

    [Theory]
    [InlineData("at the threshold", null, 50, false, "Queued")]
    [InlineData("one above it", null, 51, false, "AwaitingApproval")]
    [InlineData("a dry run above it", null, 51, true, null)]
    [InlineData("threshold 0: one recipient", "0", 1, false, "AwaitingApproval")]
    public async Task Who_waits_depends_on_the_threshold_and_dry_runs_never_do(string label, string? threshold, int citizens, bool dryRun, string? state)
    {
        Assert.NotEmpty(label);
        await using var service = await StartAsync(citizens, threshold: threshold);
        var app = service.App;

        var accepted = await RequestAsync(app, new { kind = "Advisory", dryRun });

        Assert.Equal(state, accepted.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null);
        Assert.Equal(dryRun ? 0 : 1, await app.WithDbAsync(db => db.Broadcasts.CountAsync()));
    }

    [Fact]
    public async Task A_drill_service_whose_channels_are_all_sandboxes_needs_no_second_operator()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        await app.AddCitizensAsync(60);

        var accepted = await RequestAsync(app, new { kind = "Advisory" });

        Assert.Equal("Queued", accepted.GetProperty("state").GetString());
        await app.UntilStateAsync(accepted.GetProperty("id").GetString()!, "Completed");
    }

    [Fact]
    public async Task A_scheduled_broadcast_above_the_threshold_gets_its_trigger_only_once_approved()
    {
        await using var service = await StartAsync(51);
        var app = service.App;
        // Ahead of the real clock too, so Quartz does not fire it during the test.
        var sendAt = Reminders.ScheduledBroadcastTests.SendAt(app);
        var id = (await RequestAsync(app, new { kind = "Advisory", sendAt })).GetProperty("id").GetString()!;
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        var trigger = ScheduledBroadcastJob.TriggerKeyFor(Guid.Parse(id));

        Assert.Null(await scheduler.GetTrigger(trigger, TestContext.Current.CancellationToken));
        Assert.Equal("AwaitingApproval", (await app.ProgressAsync(id)).GetProperty("state").GetString());

        (await DecideAsync(app.Admin(), id, "approve")).EnsureSuccessStatusCode();

        Assert.Equal(sendAt, (await scheduler.GetTrigger(trigger, TestContext.Current.CancellationToken))?.StartTimeUtc);
        var progress = await app.ProgressAsync(id);
        Assert.Equal("Scheduled", progress.GetProperty("state").GetString());
        Assert.Equal(sendAt.UtcDateTime, progress.GetProperty("sendAt").GetDateTime());
    }

    [Fact]
    public async Task Answers_and_re_routes_after_a_closure_never_wait_even_with_threshold_0()
    {
        await using var service = await StartAsync(0, threshold: "0");
        var (app, telegram) = service;
        var (_, crossing) = await app.AddCitizenAsync(1, "Lviv");

        // The citizen's own message: the sandbox may not speak for a citizen on a live channel.
        telegram.EnqueueTextMessage(5001, "2");
        await app.UntilAsync(() => app.WithDbAsync(async db => await db.Replies.AnyAsync(r => r.InterpretedAt != null) ? "interpreted" : null), "the reply interpreted");
        await app.SetCrossingOkAsync(crossing!, new { status = "Closed" });

        var broadcasts = await app.WithDbAsync(db => db.Broadcasts.AsNoTracking().ToListAsync());
        Assert.Equal(2, broadcasts.Count);
        Assert.DoesNotContain(broadcasts, b => b.State == BroadcastState.AwaitingApproval);
        await app.UntilAsync(() => Task.FromResult(telegram.SentMessages.Count >= 2 ? "sent" : null), "the answer and the new route");
    }
}
