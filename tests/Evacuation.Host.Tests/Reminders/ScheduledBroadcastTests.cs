using System.Net;
using System.Net.Http.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Data;
using Evacuation.Host.Schedules;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Evacuation.Host.Tests.Reminders;

public sealed class ScheduledBroadcastTests
{
    // Two days after the fake clock's 2026-11-25 08:00 is still ahead of the real clock, so Quartz (which keeps
    // real time) does not fire these triggers during the test; the tests fire them by hand when they need to.
    static readonly TimeSpan Ahead = TimeSpan.FromDays(2);

    /// <summary>
    /// A sendAt <see cref="Ahead"/> of the fake clock, after catching the fake clock up with the real one when the
    /// machine's date has passed it: Quartz keeps real time and fires at once a trigger already due by it.
    /// </summary>
    internal static DateTimeOffset SendAt(EvacuationApp app)
    {
        if (DateTimeOffset.UtcNow > app.Time.GetUtcNow())
        {
            app.Time.SetUtcNow(DateTimeOffset.UtcNow);
        }
        return app.Time.GetUtcNow().Add(Ahead);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_scheduled_broadcast_and_a_pause_survive_a_restart(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string id;
        DateTimeOffset sendAt;
        await using (var first = EvacuationApp.StartOn(database, Reminded.Settings()))
        {
            await first.AddCitizensAsync(2);
            sendAt = SendAt(first);
            id = await first.BroadcastAsync(new { kind = "Advisory", sendAt });
            Assert.Equal(HttpStatusCode.OK, (await first.Admin().PostAsync("/api/reminders/pause", null)).StatusCode);
        }

        await using var second = EvacuationApp.StartOn(database, Reminded.Settings());
        var scheduler = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(ScheduledBroadcastJob.TriggerKeyFor(Guid.Parse(id)));
        Assert.NotNull(trigger);
        Assert.Equal(sendAt, trigger.NextFireTimeUtc);
        Assert.Equal("Scheduled", (await second.ProgressAsync(id)).GetProperty("state").GetString());
        var reminders = await (await second.Viewer().GetAsync("/api/reminders")).ReadJsonAsync();
        Assert.True(reminders.GetProperty("paused").GetBoolean());
    }

    public static Labelled<TimeSpan, BroadcastState> Firings => new()
    {
        { "on time", TimeSpan.Zero, BroadcastState.Queued },
        { "five minutes late", TimeSpan.FromMinutes(5), BroadcastState.Queued },
        { "two hours late (the service was down)", TimeSpan.FromHours(2), BroadcastState.Missed },
    };

    [Theory]
    [MemberData(nameof(Firings))]
    public async Task A_trigger_fired_later_than_the_maximum_lateness_marks_the_broadcast_missed(TimeSpan late, BroadcastState expected)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Reminded.Settings());
        await app.AddCitizensAsync(2);
        var id = await app.BroadcastAsync(new { kind = "Advisory", sendAt = SendAt(app) });
        app.Time.Advance(Ahead + late);

        // The store's own trigger may fire too; whichever fires first decides, the other finds nothing to do.
        var state = await app.Services.GetRequiredService<ScheduledBroadcasts>().ReleaseAsync(Guid.Parse(id), CancellationToken.None);

        Assert.True(state == expected || (expected == BroadcastState.Queued && state is BroadcastState.Sending or BroadcastState.Completed));
        if (expected == BroadcastState.Missed)
        {
            Assert.Equal(0, await app.WithDbAsync(db => db.Deliveries.CountAsync()));
            Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "broadcast.missed" && a.Target == id)));
        }
        else
        {
            await app.UntilStateAsync(id, "Completed");
        }
    }

    [Fact]
    public async Task A_trigger_fired_twice_sends_nothing_twice()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Reminded.Settings());
        await app.AddCitizensAsync(3);
        var id = await app.BroadcastAsync(new { kind = "Advisory", sendAt = SendAt(app) });
        app.Time.Advance(Ahead);
        var schedules = app.Services.GetRequiredService<ScheduledBroadcasts>();

        // The store's own trigger may fire as well: this is then the second or third firing.
        Assert.Contains(await schedules.ReleaseAsync(Guid.Parse(id), CancellationToken.None), new BroadcastState?[] { BroadcastState.Queued, BroadcastState.Sending, BroadcastState.Completed });
        await app.UntilStateAsync(id, "Completed");
        Assert.Equal(BroadcastState.Completed, await schedules.ReleaseAsync(Guid.Parse(id), CancellationToken.None));
        Assert.Equal(3, await app.WithDbAsync(db => db.Deliveries.CountAsync()));
    }

    [Fact]
    public async Task Cancelling_a_scheduled_broadcast_removes_its_trigger()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Reminded.Settings());
        await app.AddCitizensAsync(2);
        var id = await app.BroadcastAsync(new { kind = "Advisory", sendAt = SendAt(app) });

        Assert.Equal(HttpStatusCode.OK, (await app.Operator().PostAsync($"/api/broadcasts/{id}/cancel", null)).StatusCode);

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.Null(await scheduler.GetTrigger(ScheduledBroadcastJob.TriggerKeyFor(Guid.Parse(id))));
        app.Time.Advance(Ahead);
        Assert.Equal(BroadcastState.Cancelled, await app.Services.GetRequiredService<ScheduledBroadcasts>().ReleaseAsync(Guid.Parse(id), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Conflict, (await app.Operator().PostAsync($"/api/broadcasts/{id}/cancel", null)).StatusCode);
    }

    [Theory]
    [InlineData(-60, Label = "an hour ago")]
    [InlineData(31 * 24 * 60, Label = "31 days ahead")]
    public async Task A_send_time_in_the_past_or_too_far_ahead_is_refused(int minutes)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Reminded.Settings());
        await app.AddCitizensAsync(1);

        var response = await app.Operator().PostAsJsonAsync("/api/broadcasts", new { kind = "Advisory", sendAt = app.Time.GetUtcNow().AddMinutes(minutes) });

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest);
        Assert.Contains("sendAt", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Broadcasts.CountAsync()));
    }
}
