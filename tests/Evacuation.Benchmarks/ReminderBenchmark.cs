using System.Diagnostics;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Host.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Benchmarks;

/// <summary>
/// One reminder sweep over <c>citizens</c> unconfirmed citizens on SQLite, every one advised five hours ago and
/// silent since. Reports how long the sweep takes to queue every reminder (target: 10,000 in under 2 s).
/// </summary>
public static class ReminderBenchmark
{
    public static async Task<int> RunAsync(int citizens = 10_000)
    {
        await using var host = await BenchmarkHost.StartAsync(citizens, new()
        {
            // Only the benchmark runs the sweep.
            ["Reminders:Cron"] = "0 0 0 1 1 ? 2099",
        });
        await AdviseEveryoneAsync(host);

        GC.Collect();
        var clock = Stopwatch.StartNew();
        var outcome = await host.Services.GetRequiredService<ReminderSweep>().RunAsync(CancellationToken.None);
        var elapsed = clock.Elapsed;
        await using var db = host.OpenDb();
        var queued = await db.Deliveries.CountAsync(d => d.BroadcastId == outcome.BroadcastId);
        var again = await host.Services.GetRequiredService<ReminderSweep>().RunAsync(CancellationToken.None);
        Console.WriteLine($"reminders: {outcome.Reminded:N0} of {citizens:N0} citizens reminded ({queued:N0} deliveries queued) in "
            + $"{elapsed.TotalSeconds:F2} s; a second sweep reminded {again.Reminded}; peak working set {BenchmarkHost.PeakMegabytes:F0} MB");
        return outcome.Reminded == citizens && queued >= citizens && again.Reminded == 0 ? 0 : 1;
    }

    /// <summary>An Advisory sent to everyone five hours ago, written straight to the database.</summary>
    static async Task AdviseEveryoneAsync(BenchmarkHost host)
    {
        var then = DateTime.UtcNow.AddHours(-5);
        await using var db = host.OpenDb();
        var advisory = new Broadcast
        {
            Kind = BroadcastKind.Advisory, State = BroadcastState.Completed, CreatedBy = "benchmark", CreatedAt = then, SendAt = then,
            FannedOutAt = then, FinishedAt = then,
        };
        db.Broadcasts.Add(advisory);
        await db.SaveChangesAsync();
        var citizens = await db.Citizens.AsNoTracking().Select(c => new { c.Id, c.Phone }).ToListAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.InsertAsync([.. citizens.Select(c => new Delivery
        {
            BroadcastId = advisory.Id, CitizenId = c.Id, Channel = ChannelKind.Sms, Address = c.Phone ?? "", Text = "leave",
            State = DeliveryState.Sent, NextAttemptAt = then, CreatedAt = then,
        })], CancellationToken.None);
        await db.Citizens.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastContactAt, then));
        await transaction.CommitAsync();
    }
}
