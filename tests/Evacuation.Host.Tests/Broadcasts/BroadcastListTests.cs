using System.Net;
using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Reminders;
using Evacuation.Data;
using Evacuation.Host.Deliveries;
using Evacuation.Host.Tests.Routes;

namespace Evacuation.Host.Tests.Broadcasts;

public sealed class BroadcastListTests
{
    [Fact]
    public async Task The_list_shows_operators_broadcasts_and_reroutes_by_default_and_answers_or_reminders_when_asked()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var (_, crossing) = await app.AddCitizenAsync(1, "Lviv");
        var advisory = await app.BroadcastAsync(new { kind = "Advisory" });
        app.Time.Advance(TimeSpan.FromSeconds(1));
        var reroute = (await app.SetCrossingOkAsync(crossing!, new { status = "Closed" })).GetProperty("reroute").GetProperty("broadcasts")[0].GetString();
        await app.WithDbAsync(async db =>
        {
            db.Broadcasts.AddRange(Signed(Answers.CreatedBy, app), Signed(Answers.CreatedBy, app), Signed(ReminderRules.Author, app));
            return await db.SaveChangesAsync();
        });

        var byDefault = await ListAsync(app, "");
        var operators = await ListAsync(app, "?origin=Operator");
        var replies = await ListAsync(app, "?origin=replies");
        var reminders = await ListAsync(app, "?origin=reminders");
        var all = await ListAsync(app, "?origin=all");

        Assert.Equal([reroute!, advisory], byDefault.Select(b => b.GetProperty("id").GetString()!));
        Assert.Equal(byDefault.Select(b => b.GetProperty("id").GetString()), operators.Select(b => b.GetProperty("id").GetString()));
        Assert.Equal([Answers.CreatedBy, Answers.CreatedBy], replies.Select(b => b.GetProperty("createdBy").GetString()!));
        Assert.Equal(ReminderRules.Author, Assert.Single(reminders).GetProperty("createdBy").GetString());
        Assert.Equal(5, all.Count);
    }

    [Fact]
    public async Task An_unknown_origin_is_refused_naming_the_ones_there_are()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);

        var response = await app.Viewer().GetAsync("/api/broadcasts?origin=citizens");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail").GetString();
        Assert.Contains("origin 'citizens' is not one of operator, replies, reminders, all", detail, StringComparison.Ordinal);
    }

    static async Task<List<JsonElement>> ListAsync(EvacuationApp app, string query)
    {
        var response = await app.Viewer().GetAsync("/api/broadcasts" + query);
        response.EnsureSuccessStatusCode();
        return [.. (await response.ReadJsonAsync()).EnumerateArray()];
    }

    /// <summary>A finished one-recipient broadcast the service made itself, a minute after the others.</summary>
    static Broadcast Signed(string author, EvacuationApp app)
    {
        var at = app.Time.GetUtcNow().UtcDateTime.AddMinutes(1);
        return new() { Kind = BroadcastKind.Custom, State = BroadcastState.Completed, CreatedBy = author, CreatedAt = at, SendAt = at, Recipients = 1, FannedOutAt = at };
    }
}
