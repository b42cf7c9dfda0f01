using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Evacuation.Core.Deliveries;
using Evacuation.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks;

/// <summary>
/// Priorities under a full queue: <c>bulk</c> Telegram messages queued (a Custom to every Lviv citizen) at the shipped
/// 30 messages/s, then five times each: a citizen outside that broadcast replies "4" (needs help) over the fake's
/// getUpdates, and a crossing ten other citizens are assigned to is closed. Times from the reply being offered (or the
/// closure's PUT) to the acknowledgement (or the first re-route message) reaching the fake Telegram.
/// Target: each within 2 s, median and worst of 5.
/// </summary>
public static class PriorityBenchmark
{
    const string AdminKey = "benchmark-admin-key-0123456789abcdef";
    const int Runs = 5;
    const int Group = 10;
    static readonly string[] Crossings = ["krakovets-korczowa", "rava-ruska-hrebenne", "hrushiv-budomierz", "ustyluh-zosin", "chop-zahony"];

    public static async Task<int> RunAsync(int bulk = 50_000)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        var extras = Runs + Runs * Group;
        await using var host = await BenchmarkHost.StartAsync(bulk + extras, new()
        {
            ["Telegram:BotToken"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Operators:ApiKeys:1:Name"] = "benchmark-admin",
            ["Operators:ApiKeys:1:Key"] = AdminKey,
            ["Operators:ApiKeys:1:Role"] = "Admin",
        }, allOnTelegram: true);
        List<(Guid Id, long Chat)> others;
        await using (var db = host.OpenDb())
        {
            others = (await db.Citizens.OrderByDescending(c => c.TelegramChatId).Take(extras).Select(c => new { c.Id, c.TelegramChatId }).ToListAsync())
                .Select(c => (c.Id, c.TelegramChatId!.Value)).ToList();
            var otherIds = others.Select(o => o.Id).ToList();
            await db.Citizens.Where(c => otherIds.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Region, "Odesa"));
            for (var run = 0; run < Runs; run++)
            {
                var group = others.Skip(Runs + run * Group).Take(Group).Select(o => o.Id).ToList();
                await db.Citizens.Where(c => group.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedCrossing, Crossings[run]));
            }
        }
        const string text = "Bulk notice: stay tuned.";
        await host.BroadcastAsync(new { kind = "Custom", channels = "Telegram", audience = new { regions = new[] { "Lviv" } }, text = new { en = text, he = text, ru = text, uk = text } });
        var clock = Stopwatch.StartNew();
        await host.UntilAsync(async db => await db.Deliveries.CountAsync() >= bulk, clock, TimeSpan.FromMinutes(2));
        await BenchmarkHost.SettleAsync();

        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var answers = new List<double>();
        var reroutes = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var chat = others[run].Chat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var started = Stopwatch.GetTimestamp();
            telegram.EnqueueTextMessage(others[run].Chat, "4");
            answers.Add(await UntilSentAsync(telegram, new HashSet<string> { chat }, started));

            var group = others.Skip(Runs + run * Group).Take(Group).Select(o => o.Chat.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            started = Stopwatch.GetTimestamp();
            (await client.PutAsJsonAsync($"/api/crossings/{Crossings[run]}", new { status = "Closed" })).EnsureSuccessStatusCode();
            reroutes.Add(await UntilSentAsync(telegram, group, started));
            await Task.Delay(1_000);
        }
        int pending;
        await using (var db = host.OpenDb())
        {
            pending = await db.Deliveries.CountAsync(d => d.State == DeliveryState.Pending);
        }
        Console.WriteLine($"priority: {bulk:N0} bulk Telegram messages queued at 30/s ({pending:N0} still pending at the end); {Runs} runs: "
            + $"NeedsHelp acknowledgement median {Median(answers):F2} s, worst {answers.Max():F2} s ({string.Join(", ", answers.Select(a => a.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}); "
            + $"first re-route message median {Median(reroutes):F2} s, worst {reroutes.Max():F2} s ({string.Join(", ", reroutes.Select(a => a.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))})");
        return answers.Max() <= 2 && reroutes.Max() <= 2 && pending >= bulk / 2 ? 0 : 1;
    }

    /// <summary>Seconds from <paramref name="started"/> until the fake has a sendMessage to one of <paramref name="chats"/> (looked at every 5 ms; at most 30 s).</summary>
    static async Task<double> UntilSentAsync(FakeTelegramServer telegram, IReadOnlySet<string> chats, long started)
    {
        var seen = 0;
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30))
        {
            var requests = telegram.Requests;
            for (; seen < requests.Count; seen++)
            {
                if (requests[seen].Method.Equals("sendMessage", StringComparison.OrdinalIgnoreCase) && requests[seen].ChatId is { } chat && chats.Contains(chat))
                {
                    return Stopwatch.GetElapsedTime(started).TotalSeconds;
                }
            }
            await Task.Delay(5);
        }
        return double.PositiveInfinity;
    }

    static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
