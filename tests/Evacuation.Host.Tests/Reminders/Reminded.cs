using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Host.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Reminders;

/// <summary>Test data for the reminder sweep: citizens who were sent an Advisory at a given time.</summary>
public static class Reminded
{
    /// <summary>A cron that never fires during a test, so only the test runs the sweep.</summary>
    public static Dictionary<string, string?> Settings(int maxReminders = 3) => new()
    {
        ["Reminders:Cron"] = "0 0 0 1 1 ? 2099",
        ["Reminders:MinimumInterval"] = "04:00:00",
        ["Reminders:OnTheWayInterval"] = "12:00:00",
        ["Reminders:MaxReminders"] = maxReminders.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Sandbox sends go out at once, so a test can wait for them before moving the clock on.
        ["Deliveries:Pacing"] = "false",
    };

    /// <summary>Waits until every reminder queued so far has been sent, so its last-contact time is settled.</summary>
    public static Task<List<Delivery>> UntilRemindersSentAsync(this EvacuationApp app) =>
        app.UntilAsync(async () =>
        {
            var rows = await app.ReminderDeliveriesAsync();
            return rows.All(d => d.State is DeliveryState.Sent or DeliveryState.Delivered) ? rows : null;
        }, "every reminder sent");

    /// <summary>Stores <paramref name="count"/> citizens and an Advisory sent to each of them now (the app's clock).</summary>
    public static async Task<List<Citizen>> AdvisedCitizensAsync(this EvacuationApp app, int count, Action<Citizen, int>? shape = null)
    {
        var now = app.Time.GetUtcNow().UtcDateTime;
        var citizens = await app.AddCitizensAsync(count, sms: true, telegram: false, shape: (c, n) =>
        {
            c.LastContactAt = now;
            shape?.Invoke(c, n);
        });
        await app.AdviseAsync(citizens.Where(c => c.LastContactAt is not null));
        return citizens;
    }

    public static async Task AdviseAsync(this EvacuationApp app, IEnumerable<Citizen> citizens)
    {
        var now = app.Time.GetUtcNow().UtcDateTime;
        await using var db = app.Database.Open();
        var advisory = new Broadcast
        {
            Kind = BroadcastKind.Advisory, State = BroadcastState.Completed, CreatedBy = "test", CreatedAt = now, SendAt = now,
            FannedOutAt = now, FinishedAt = now,
        };
        db.Broadcasts.Add(advisory);
        db.Deliveries.AddRange(citizens.Select(c => new Delivery
        {
            BroadcastId = advisory.Id, CitizenId = c.Id, Channel = ChannelKind.Sms, Address = c.Phone ?? "", Text = "leave",
            State = DeliveryState.Sent, Attempts = 1, NextAttemptAt = now, CreatedAt = now, SentAt = now,
        }));
        await db.SaveChangesAsync();
    }

    public static ReminderSweep Sweep(this EvacuationApp app) => app.Services.GetRequiredService<ReminderSweep>();

    /// <summary>Reminder deliveries written so far (those of broadcasts the sweep authored).</summary>
    public static Task<List<Delivery>> ReminderDeliveriesAsync(this EvacuationApp app) =>
        app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Deliveries.Where(d => db.Broadcasts.Any(b => b.Id == d.BroadcastId && b.CreatedBy == ReminderSweep.Author))));

    public static Task<Citizen> CitizenAsync(this EvacuationApp app, Guid id) =>
        app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Citizens, c => c.Id == id));

    public static StorageProvider Sqlite => StorageProvider.Sqlite;
}
