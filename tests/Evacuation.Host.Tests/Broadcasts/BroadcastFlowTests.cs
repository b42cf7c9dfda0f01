using System.Net;
using System.Net.Http.Json;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Broadcasts;

public sealed class BroadcastFlowTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_advisory_to_sandbox_citizens_reaches_everyone_and_completes_with_correct_counters(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider, new() { ["Telegram:MessagesPerSecond"] = "1000", ["Twilio:SegmentsPerSecond"] = "1000" });
        await app.AddCitizensAsync(30, telegram: true, sms: true);
        await app.AddCitizensAsync(10, telegram: false, sms: true, from: 30);

        var id = await app.BroadcastAsync(new { kind = "Advisory", channels = "Preferred" });
        var done = await app.UntilStateAsync(id, "Completed");

        Assert.Equal(40, done.GetProperty("recipients").GetInt32());
        Assert.Equal(40, done.GetProperty("sent").GetInt64());
        Assert.Equal(0, done.GetProperty("pending").GetInt64());
        Assert.Equal(0, done.GetProperty("failed").GetInt64());
        var deliveries = await app.DeliveriesAsync();
        Assert.Equal(30, deliveries.Count(d => d.Channel == Core.Channels.ChannelKind.Telegram));
        Assert.Equal(10, deliveries.Count(d => d.Channel == Core.Channels.ChannelKind.Sms));
        Assert.All(deliveries, d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Contains(deliveries, d => d.Text.StartsWith("Evacuation notice: Leave Ukraine now", StringComparison.Ordinal));
        var events = await app.WithDbAsync(db => db.CitizenEvents.CountAsync(e => e.Kind == CitizenEventKind.MessageSent));
        Assert.Equal(40, events);
        var contacted = await app.WithDbAsync(db => db.Citizens.CountAsync(c => c.LastContactAt != null));
        Assert.Equal(40, contacted);
    }

    [Fact]
    public async Task An_operator_template_is_filled_for_each_citizen_and_ends_with_the_reply_codes()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, new() { ["Telegram:MessagesPerSecond"] = "1000" });
        var citizens = await app.AddCitizensAsync(2, shape: (c, _) => c.Language = Language.English);

        var id = await app.BroadcastAsync(new { kind = "Advisory", text = new { en = "{name}, leave now." } });
        await app.UntilStateAsync(id, "Completed");

        var deliveries = await app.DeliveriesAsync();
        var first = deliveries.Single(d => d.CitizenId == citizens[0].Id);
        Assert.StartsWith("Evacuation notice: Citizen 0, leave now.\n", first.Text, StringComparison.Ordinal);
        Assert.EndsWith(Core.Broadcasts.ReplyCodeLine.For("en"), first.Text, StringComparison.Ordinal);
        Assert.True(first.WithReplyButtons);
        Assert.Equal("replies:en", first.Keyboard);
    }

    [Fact]
    public async Task Both_channels_send_one_delivery_per_channel_but_count_each_citizen_once()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, new() { ["Telegram:MessagesPerSecond"] = "1000", ["Twilio:SegmentsPerSecond"] = "1000" });
        await app.AddCitizensAsync(5);

        var id = await app.BroadcastAsync(new { kind = "Advisory", channels = "Both" });
        var done = await app.UntilStateAsync(id, "Completed");

        Assert.Equal(5, done.GetProperty("sent").GetInt64());
        Assert.Equal(10, (await app.DeliveriesAsync()).Count);
    }

    [Fact]
    public async Task Opted_out_citizens_are_never_included()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        await app.AddCitizensAsync(6, shape: (c, n) => c.OptedOut = n % 2 == 0);

        var id = await app.BroadcastAsync(new { kind = "Advisory" });

        Assert.Equal(3, (await app.ProgressAsync(id)).GetProperty("recipients").GetInt32());
        await app.UntilStateAsync(id, "Completed");
        var optedOut = await app.WithDbAsync(db => db.Citizens.Where(c => c.OptedOut).Select(c => c.Id).ToListAsync());
        Assert.DoesNotContain(await app.DeliveriesAsync(), d => optedOut.Contains(d.CitizenId));
    }

    [Fact]
    public async Task The_audience_filters_by_status_and_region_ignoring_case()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        await app.AddCitizensAsync(8, shape: (c, n) =>
        {
            c.Status = n < 4 ? JourneyStatus.Unconfirmed : JourneyStatus.Departed;
            c.Region = n % 2 == 0 ? "LVIV" : "Odesa";
        });

        var response = await app.Operator().PostAsJsonAsync("/api/broadcasts",
            new { kind = "Advisory", dryRun = true, audience = new { statuses = new[] { "unconfirmed" }, regions = new[] { "lviv" } } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await response.ReadJsonAsync()).GetProperty("recipients").GetInt32());
    }

    [Fact]
    public async Task A_dry_run_answers_the_estimate_and_stores_nothing()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        await app.AddCitizensAsync(8);
        await app.AddCitizensAsync(4, telegram: false, from: 8);

        var response = await app.Operator().PostAsJsonAsync("/api/broadcasts", new { kind = "Advisory", dryRun = true });
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(12, body.GetProperty("recipients").GetInt32());
        var estimate = body.GetProperty("estimate");
        Assert.Equal(8, estimate.GetProperty("byChannel").GetProperty("telegram").GetInt32());
        Assert.Equal(4, estimate.GetProperty("byChannel").GetProperty("sms").GetInt32());
        Assert.Equal(3, estimate.GetProperty("byLanguage").GetProperty("en").GetInt32());
        var sms = estimate.GetProperty("sms").EnumerateArray().ToList();
        Assert.Equal(4, sms.Count);
        Assert.Contains(sms, s => s.GetProperty("language").GetString() == "he" && s.GetProperty("encoding").GetString() == "UCS-2");
        Assert.Equal(sms.Sum(s => s.GetProperty("totalSegments").GetInt64()), estimate.GetProperty("totalSmsSegments").GetInt64());
        Assert.Equal(0, await app.WithDbAsync(db => db.Broadcasts.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Deliveries.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("broadcast"))));
    }

    [Fact]
    public async Task Creating_and_cancelling_are_audited_under_the_operators_key_name()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        await app.AddCitizensAsync(3);

        var id = await app.BroadcastAsync(new { kind = "Advisory", sendAt = app.Time.GetUtcNow().AddHours(1) });
        var cancel = await app.Operator().PostAsync($"/api/broadcasts/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["broadcast.create", "broadcast.cancel"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("duty-officer", a.Actor));
    }

    [Fact]
    public async Task A_scheduled_broadcast_waits_for_its_time()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, new() { ["Telegram:MessagesPerSecond"] = "1000" });
        await app.AddCitizensAsync(3);

        var id = await app.BroadcastAsync(new { kind = "Advisory", sendAt = app.Time.GetUtcNow().AddMinutes(10) });
        // Scheduled until its Quartz trigger fires (Quartz keeps real time, which is past the fake clock's 08:10),
        // then Queued until the service's clock reaches sendAt.
        Assert.Contains((await app.ProgressAsync(id)).GetProperty("state").GetString(), new[] { "Scheduled", "Queued" });

        app.Time.Advance(TimeSpan.FromMinutes(10));
        var done = await app.UntilStateAsync(id, "Completed");
        Assert.Equal(3, done.GetProperty("sent").GetInt64());
    }

    [Fact]
    public async Task Cancel_stops_what_is_pending_and_a_second_cancel_or_unknown_id_is_refused()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        await app.AddCitizensAsync(4);
        var id = await app.BroadcastAsync(new { kind = "Advisory", sendAt = app.Time.GetUtcNow().AddMinutes(5) });

        var cancelled = await (await app.Operator().PostAsync($"/api/broadcasts/{id}/cancel", null)).ReadJsonAsync();
        Assert.Equal("Cancelled", cancelled.GetProperty("state").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await app.Operator().PostAsync($"/api/broadcasts/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Operator().PostAsync($"/api/broadcasts/{Guid.NewGuid()}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Viewer().GetAsync("/api/broadcasts/not-an-id")).StatusCode);
        app.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await app.WithDbAsync(db => db.Deliveries.CountAsync(d => d.State != DeliveryState.Cancelled)));
    }

    [Fact]
    public async Task Cancelling_a_completed_broadcast_is_a_conflict()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, new() { ["Telegram:MessagesPerSecond"] = "1000" });
        await app.AddCitizensAsync(2);
        var id = await app.BroadcastAsync(new { kind = "Advisory" });
        await app.UntilStateAsync(id, "Completed");

        var response = await app.Operator().PostAsync($"/api/broadcasts/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("completed", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_viewer_may_read_broadcasts_but_not_send_or_cancel_them()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Viewer().PostAsJsonAsync("/api/broadcasts", new { kind = "Advisory" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Viewer().GetAsync("/api/broadcasts")).StatusCode);
    }
}
