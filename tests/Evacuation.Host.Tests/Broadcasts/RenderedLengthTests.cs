using System.Net;
using System.Net.Http.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Data;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Broadcasts;

public sealed class RenderedLengthTests
{
    static readonly string LongTemplate = new string('x', 1_300) + " {name} {crossingDirections}";

    [Theory]
    [InlineData("Preferred", HttpStatusCode.BadRequest, Label = "Preferred may fall back to SMS: refused")]
    [InlineData("Sms", HttpStatusCode.BadRequest, Label = "SMS: refused")]
    [InlineData("Telegram", HttpStatusCode.Accepted, Label = "Telegram splits long texts: accepted")]
    public async Task A_template_too_long_for_an_sms_once_filled_is_refused_naming_the_language(string channels, HttpStatusCode expected)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        await app.AddCitizensAsync(2);

        var response = await app.Operator().PostAsJsonAsync("/api/broadcasts",
            new { kind = "RouteInstructions", channels, dryRun = true, text = new Dictionary<string, string> { ["en"] = "Go now. {replyCodes}", ["uk"] = LongTemplate } });

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            var detail = (await response.ReadJsonAsync()).GetProperty("detail").GetString();
            Assert.StartsWith("text.uk: ", detail, StringComparison.Ordinal);
            Assert.DoesNotContain("text.en", detail, StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Broadcasts.CountAsync()));
    }

    [Fact]
    public async Task A_broadcast_whose_fan_out_keeps_failing_is_marked_failed_and_later_ones_are_sent()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        await app.AddCitizensAsync(2);
        var now = app.Time.GetUtcNow().UtcDateTime;
        var broken = new Broadcast
        {
            Kind = BroadcastKind.Custom, TextsJson = "not json", State = BroadcastState.Queued, CreatedBy = "operator",
            CreatedAt = now.AddMinutes(-1), SendAt = now.AddMinutes(-1), Recipients = 2,
        };
        await app.WithDbAsync(async db =>
        {
            db.Broadcasts.Add(broken);
            return await db.SaveChangesAsync();
        });

        var later = await app.BroadcastAsync(new { kind = "Advisory" });

        await app.UntilStateAsync(later, "Completed");
        Assert.Equal("Failed", (await app.UntilStateAsync(broken.Id.ToString(), "Failed")).GetProperty("state").GetString());
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "broadcast.fail"));
        Assert.Equal(broken.Id.ToString(), audit.Target);
        Assert.Contains("JsonException", audit.Detail, StringComparison.Ordinal);
        Assert.Empty(await app.WithDbAsync(db => db.Deliveries.Where(d => d.BroadcastId == broken.Id).ToListAsync()));
    }
}
