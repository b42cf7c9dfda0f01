using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;
using Evacuation.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks;

/// <summary>
/// A crossing closes while an Advisory naming it is being sent: <c>citizens</c> Telegram citizens all assigned to
/// one crossing, Telegram paced at 300 messages/s against the fake Bot API, the crossing closed once a third of the
/// advisory has left. Counts, in the order the fake received them, messages naming the closed crossing that reached
/// a re-routed citizen after their new instructions (target: 0), and reports how many were withdrawn.
/// </summary>
public static class StaleDirectionsBenchmark
{
    const string AdminKey = "benchmark-admin-key-0123456789abcdef";
    const string Closed = "shehyni-medyka";

    public static async Task<int> RunAsync(int citizens = 6_000)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var host = await BenchmarkHost.StartAsync(citizens, new()
        {
            ["Telegram:BotToken"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:MessagesPerSecond"] = "300",
            ["Operators:ApiKeys:1:Name"] = "benchmark-admin",
            ["Operators:ApiKeys:1:Key"] = AdminKey,
            ["Operators:ApiKeys:1:Role"] = "Admin",
        }, allOnTelegram: true);
        await using (var db = host.OpenDb())
        {
            await db.Citizens.ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedCrossing, Closed));
        }
        await BenchmarkHost.SettleAsync();
        var clock = Stopwatch.StartNew();
        var advisory = await host.BroadcastAsync(new { kind = "Advisory", channels = "Telegram" });
        await telegram.WhenRequests(citizens / 3);

        using var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var closedAt = clock.Elapsed;
        var response = await admin.PutAsJsonAsync($"/api/crossings/{Closed}", new { status = "Closed" });
        var answeredAt = telegram.SentMessages.Count;
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"closure refused: {(int)response.StatusCode} {answer}");
            return 1;
        }
        var reroutes = answer.GetProperty("reroute").GetProperty("broadcasts").EnumerateArray().Select(b => Guid.Parse(b.GetString()!)).ToList();
        await host.UntilAsync(async db => !await db.Broadcasts.AnyAsync(b => b.State == BroadcastState.Sending || b.State == BroadcastState.Queued), clock, TimeSpan.FromMinutes(5));

        await using var check = host.OpenDb();
        var newDirections = (await check.Deliveries.Where(d => reroutes.Contains(d.BroadcastId)).Select(d => new { d.Address, d.Text }).ToListAsync())
            .ToDictionary(d => d.Address, d => d.Text);
        var names = StaleNames();
        var told = new HashSet<string>();
        var staleAfter = 0;
        var staleBetween = 0;
        foreach (var (message, index) in telegram.SentMessages.Select((m, i) => (m, i)))
        {
            var chat = message.ChatId!;
            if (newDirections.TryGetValue(chat, out var text) && text == message.Text)
            {
                told.Add(chat);
            }
            else if (names.Any(n => message.Text!.Contains(n, StringComparison.Ordinal)))
            {
                staleAfter += told.Contains(chat) ? 1 : 0;
                staleBetween += !told.Contains(chat) && index >= answeredAt ? 1 : 0;
            }
        }
        var withdrawn = answer.GetProperty("reroute").GetProperty("withdrawn").GetInt32();
        var advisorySent = await check.Deliveries.CountAsync(d => d.BroadcastId == advisory && d.SentAt != null);
        Console.WriteLine($"stale directions: {citizens:N0} Telegram citizens at 300/s, crossing closed at {closedAt.TotalSeconds:F1} s: "
            + $"{advisorySent:N0} advisories sent, {withdrawn:N0} withdrawn, {told.Count:N0} re-routed citizens given new directions; "
            + $"messages naming the closed crossing after a citizen's new directions: {staleAfter} (after the closure was answered but before the new directions: {staleBetween})");
        return staleAfter == 0 && staleBetween == 0 && told.Count == citizens && advisorySent + withdrawn == citizens ? 0 : 1;
    }

    static List<string> StaleNames()
    {
        var crossings = CrossingsFile.Load(CrossingsFile.ShippedPath);
        crossings.TryFindCrossing(Closed, out var crossing);
        return [.. Language.All.Select(crossing!.DisplayName).Distinct()];
    }
}
