using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Data;

namespace Evacuation.Host.Tests.Broadcasts;

/// <summary>The estimate says how long sending takes at the configured pacing, and warns when expiresAt comes first.</summary>
public sealed class BroadcastEtaTests
{
    static Dictionary<string, string?> Paced() => new()
    {
        ["Deliveries:Pacing"] = "true",
        ["Telegram:MessagesPerSecond"] = "30",
        ["Twilio:SegmentsPerSecond"] = "1",
    };

    [Fact]
    public async Task A_dry_run_gives_each_channels_eta_and_warns_how_many_the_expiry_would_leave_out()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Paced());
        await app.AddCitizensAsync(90, telegram: false);
        await app.AddCitizensAsync(60, sms: false, from: 90);

        var response = await app.Operator().PostAsJsonAsync("/api/broadcasts", new
        {
            kind = "Advisory", channels = "Preferred", dryRun = true,
            expiresAt = app.Time.GetUtcNow().AddMinutes(1),
        });
        var estimate = (await response.ReadJsonAsync()).GetProperty("estimate");
        var eta = estimate.GetProperty("eta").EnumerateArray().ToDictionary(e => e.GetProperty("channel").GetString()!);

        // 60 Telegram messages at 30/s; 90 SMS at one segment a second, of which a minute's segments go before expiry.
        // The pacer keeps a whole rate's units in every 1.02 s (Pacer.SustainedRate), and the estimate counts that.
        var segments = estimate.GetProperty("totalSmsSegments").GetInt64();
        var notReached = 90 - (int)Math.Floor(60 / 1.02 * 90 / segments);
        Assert.Equal(segments, eta["sms"].GetProperty("units").GetInt64());
        Assert.Equal(2, eta["telegram"].GetProperty("etaSeconds").GetDouble());
        Assert.Equal(Math.Round(segments * 1.02, 1), eta["sms"].GetProperty("etaSeconds").GetDouble());
        Assert.Equal(0, eta["telegram"].GetProperty("notReached").GetInt32());
        Assert.Equal(notReached, eta["sms"].GetProperty("notReached").GetInt32());
        Assert.StartsWith($"sms: {notReached} of 90 recipients would not be reached before expiresAt", Assert.Single(estimate.GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_ahead_at_the_same_priority_counts_and_a_sending_broadcast_shows_its_live_eta()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Paced());
        await app.AddCitizensAsync(20, telegram: false);
        // Sending takes 20 s at one segment a second: the second broadcast's dry run finds the first one's still queued.
        var first = await app.BroadcastAsync(new { kind = "Advisory", channels = "Sms" });
        var view = await app.UntilAsync(async () =>
        {
            var shown = await app.Viewer().GetFromJsonAsync<JsonElement>($"/api/broadcasts/{first}");
            // Fanned out (its deliveries are waiting) and not finished.
            var waiting = shown.TryGetProperty("eta", out var eta) && eta.EnumerateArray().Any(e => e.GetProperty("recipients").GetInt32() > 0);
            return shown.GetProperty("state").GetString() == "Sending" && waiting ? shown.GetRawText() : null;
        }, "the first broadcast sending with deliveries waiting");

        var live = JsonDocument.Parse(view).RootElement.GetProperty("eta").EnumerateArray().Single(e => e.GetProperty("channel").GetString() == "sms");
        Assert.InRange(live.GetProperty("recipients").GetInt32(), 1, 20);
        Assert.Equal(Math.Round((live.GetProperty("units").GetInt64() + live.GetProperty("unitsAhead").GetInt64()) * 1.02, 1), live.GetProperty("etaSeconds").GetDouble());

        var dry = await app.Operator().PostAsJsonAsync("/api/broadcasts", new { kind = "Advisory", channels = "Sms", dryRun = true });
        var sms = (await dry.ReadJsonAsync()).GetProperty("estimate").GetProperty("eta").EnumerateArray().Single(e => e.GetProperty("channel").GetString() == "sms");
        Assert.InRange(sms.GetProperty("unitsAhead").GetInt64(), 1, live.GetProperty("units").GetInt64() + live.GetProperty("unitsAhead").GetInt64());
    }
}
