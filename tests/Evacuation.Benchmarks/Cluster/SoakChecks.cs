using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Cluster;
using Evacuation.Core.Deliveries;
using Evacuation.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks.Cluster;

/// <summary>The soak's verdict, from the fakes' logs (what citizens actually got) and the database (what was asked for).</summary>
public static class SoakChecks
{
    public static async Task<int> RunAsync(SoakCluster cluster, List<FakeSend> sends, List<ClusterSoak.Kill> kills, int posted,
        DateTime closedAt, bool settled, TimeSpan took, DateTime started, int recipients, int replies)
    {
        await using var db = cluster.Open();
        var rows = await db.Deliveries.AsNoTracking().Where(d => d.State == DeliveryState.Sent || d.State == DeliveryState.Delivered)
            .Select(d => new { d.Address, d.Text }).ToListAsync();
        var got = sends.GroupBy(s => (s.To, s.Text)).ToDictionary(g => g.Key, g => g.Count());
        var notSeen = rows.Count(r => !got.ContainsKey((r.Address, r.Text)));
        var duplicates = rows.Sum(r => Math.Max(0, got.GetValueOrDefault((r.Address, r.Text)) - 1));
        var addresses = await db.Citizens.AsNoTracking().Select(c => c.TelegramChatId != null ? c.TelegramChatId.ToString() : c.Phone).ToListAsync();
        var reached = sends.Select(s => s.To).ToHashSet();
        var lost = addresses.Count(a => !reached.Contains(a!));
        var stored = await db.Replies.CountAsync(r => r.ProviderKey.StartsWith("SMsoak"));
        var interpreted = await db.Replies.CountAsync(r => r.ProviderKey.StartsWith("SMsoak") && r.InterpretedAt != null);
        var departed = await db.Citizens.CountAsync(c => c.Status == JourneyStatus.Departed);
        var telegram = sends.Where(s => s.Channel == "Telegram").OrderBy(s => s.At).ToList();
        var busiest = BusiestSecond(telegram);
        var telegramMax = busiest.Count;
        var namingClosed = sends.Count(s => s.At > closedAt && s.Text.Contains("Shehyni", StringComparison.Ordinal) && !IsRouteChange(s.Text));
        var telegramTakeovers = Takeovers(kills, sends, ChannelKind.Telegram);
        var smsTakeovers = Takeovers(kills, sends, ChannelKind.Sms);

        Console.WriteLine($"cluster: 3 nodes, {kills.Count} kill -9 rounds ({kills.Count(k => k.Roles.Count > 0)} of a role holder), {took.TotalSeconds:F0} s"
            + (settled ? "" : " (NOT SETTLED within the limit)") + $"; {recipients:N0} recipients: {lost} never reached, {duplicates} duplicate messages, "
            + $"{notSeen} sent rows the provider never saw; {sends.Count:N0} messages in all; replies: {posted:N0} accepted, {stored:N0} stored, "
            + $"{interpreted:N0} interpreted, {departed:N0} citizens Departed; busiest Telegram second {telegramMax} (limit {cluster.TelegramRate}); "
            + $"{namingClosed} messages naming the closed crossing after the closure; takeover after killing the sender: "
            + $"Telegram {Describe(telegramTakeovers)}, SMS {Describe(smsTakeovers)}");
        Console.WriteLine(Composition(telegram.GetRange(busiest.First, busiest.Count), cluster.NodeByPort, kills, started));
        var violations = new List<string>();
        if (!settled) violations.Add("not settled");
        if (lost > 0) violations.Add($"{lost} recipients lost");
        if (notSeen > 0) violations.Add($"{notSeen} sent rows not seen");
        if (stored != replies || interpreted != replies || departed != replies) violations.Add("replies not stored and interpreted once each");
        if (telegramMax > cluster.TelegramRate + 1) violations.Add("Telegram rate exceeded");
        if (namingClosed > 0) violations.Add("closed crossing named after the closure");
        Console.WriteLine(violations.Count == 0 ? "cluster: no violation" : "cluster: VIOLATIONS: " + string.Join("; ", violations));
        return violations.Count == 0 ? 0 : 1;
    }

    /// <summary>New route instructions name the closed crossing as closed; anything else naming it is a violation.</summary>
    static bool IsRouteChange(string text) => text.Contains("closed", StringComparison.OrdinalIgnoreCase);

    /// <summary>The one-second window (by arrival at the fake) holding the most of <paramref name="sends"/>, which are in arrival order.</summary>
    static (int First, int Count) BusiestSecond(List<FakeSend> sends)
    {
        var (busiest, first) = ((First: 0, Count: 0), 0);
        for (var last = 0; last < sends.Count; last++)
        {
            while (sends[last].At - sends[first].At >= TimeSpan.FromSeconds(1))
            {
                first++;
            }
            if (last - first + 1 > busiest.Count)
            {
                busiest = (first, last - first + 1);
            }
        }
        return busiest;
    }

    /// <summary>Who sent the busiest second's messages, what they were, and the kills from ten seconds before it to a second after.</summary>
    static string Composition(List<FakeSend> window, Dictionary<int, string> nodeByPort, List<ClusterSoak.Kill> kills, DateTime started)
    {
        if (window.Count == 0)
        {
            return "busiest Telegram second: none";
        }
        var (from, to) = (window[0].At, window[^1].At);
        var byNode = window.GroupBy(s => nodeByPort.GetValueOrDefault(s.Port, "?")).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()} ({Offset(g.Min(s => s.At), started)}-{Offset(g.Max(s => s.At), started)})");
        var byKind = window.GroupBy(s => IsRouteChange(s.Text) ? "route change" : "advisory/other").Select(g => $"{g.Key} {g.Count()}");
        var near = kills.Where(k => k.At > from - TimeSpan.FromSeconds(10) && k.At < to + TimeSpan.FromSeconds(1))
            .Select(k => $"{k.Node} at {Offset(k.At, started)}" + (k.Roles.Count > 0 ? $" holding {string.Join('+', k.Roles)}" : ""));
        return $"busiest Telegram second: {Offset(from, started)}-{Offset(to, started)}: by node {string.Join(", ", byNode)}; "
            + $"{string.Join(", ", byKind)}; kills from 10 s before to 1 s after: {string.Join(", ", near.DefaultIfEmpty("none"))}";
    }

    static string Offset(DateTime at, DateTime started) => $"{(at - started).TotalSeconds:F2} s";

    /// <summary>For each kill of the channel's sender while its messages were still going out: seconds to its next send.</summary>
    static List<double> Takeovers(List<ClusterSoak.Kill> kills, List<FakeSend> sends, ChannelKind channel)
    {
        var name = channel.ToString();
        var lastSend = sends.Where(s => s.Channel == name).Select(s => s.At).DefaultIfEmpty().Max();
        return [.. kills.Where(k => k.Roles.Contains(RoleNames.SenderOf(channel)) && k.At < lastSend)
            .Select(k => (sends.First(s => s.Channel == name && s.At > k.At).At - k.At).TotalSeconds)];
    }

    static string Describe(List<double> seconds) => seconds.Count == 0
        ? "no such kill"
        : $"{seconds.Count} kills, median {seconds.Order().ElementAt(seconds.Count / 2):F1} s, max {seconds.Max():F1} s ({string.Join(", ", seconds.Select(s => s.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))})";
}
