using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks;

/// <summary>
/// <c>PUT /api/crossings/{id}</c> closing the crossing <c>citizens</c> citizens are assigned to, on SQLite with the
/// sandbox channels, after one warm-up closure of a crossing with one citizen, while 999 citizens of another crossing stand by. Reports how long until the answer, by which
/// time every re-routed citizen is moved and their RouteInstructions are queued (target: 10,000 in under 2 s).
/// </summary>
public static class RerouteBenchmark
{
    const string AdminKey = "benchmark-admin-key-0123456789abcdef";
    const string Closed = "shehyni-medyka";
    const string Elsewhere = "palanka-palanca";
    const string Unused = "kuchurhan-pervomaisc";

    public static async Task<int> RunAsync(int citizens = 10_000)
    {
        await using var host = await BenchmarkHost.StartAsync(citizens + 1_000, new()
        {
            ["Operators:ApiKeys:1:Name"] = "benchmark-admin",
            ["Operators:ApiKeys:1:Key"] = AdminKey,
            ["Operators:ApiKeys:1:Role"] = "Admin",
        });
        Guid warmUp;
        await using (var db = host.OpenDb())
        {
            var ids = await db.Citizens.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            var bystanders = ids.Take(1_000).ToList(); // the first of them re-routed by the warm-up
            await db.Citizens.ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedCrossing, Closed));
            await db.Citizens.Where(c => bystanders.Contains(c.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedCrossing, Elsewhere).SetProperty(c => c.Region, "Odesa"));
            warmUp = bystanders[0];
            await db.Citizens.Where(c => c.Id == warmUp).ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedCrossing, Unused));
        }
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);

        // Warm up as a running service would be: the same path once, on a crossing one citizen is assigned to.
        (await client.PutAsJsonAsync($"/api/crossings/{Unused}", new { status = "Closed" })).EnsureSuccessStatusCode();

        GC.Collect();
        var clock = Stopwatch.StartNew();
        var response = await client.PutAsJsonAsync($"/api/crossings/{Closed}", new { status = "Closed" });
        var answered = clock.Elapsed;
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"reroute refused: {(int)response.StatusCode} {body}");
            return 1;
        }
        await using var check = host.OpenDb();
        var messaged = await check.Deliveries.Where(d => d.CitizenId != warmUp).Select(d => d.CitizenId).Distinct().CountAsync();
        var stillThere = await check.Citizens.CountAsync(c => c.AssignedCrossing == Closed);
        var bystandersMessaged = await check.Deliveries.CountAsync(d => check.Citizens.Any(c => c.Id == d.CitizenId && c.AssignedCrossing == Elsewhere));
        Console.WriteLine($"reroute: {citizens:N0} citizens moved and their RouteInstructions queued in {answered.TotalSeconds:F2} s "
            + $"({citizens / answered.TotalSeconds:N0} citizens/s); {messaged:N0} citizens messaged, {bystandersMessaged} of the 999 bystanders; "
            + $"peak working set {BenchmarkHost.PeakMegabytes:F0} MB");
        return messaged == citizens && stillThere == 0 && bystandersMessaged == 0 ? 0 : 1;
    }
}
