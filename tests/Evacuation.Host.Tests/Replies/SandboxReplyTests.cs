using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Replies;

/// <summary>
/// <c>POST /api/sandbox/replies</c> rehearses a drill: allowed only for a citizen whose channel is a sandbox, audited
/// with the key's name, and on the timeline as entered by that operator, never as the citizen's own word.
/// </summary>
public sealed class SandboxReplyTests
{
    [Fact]
    public async Task On_a_sandbox_channel_the_reply_runs_the_same_pipeline_is_audited_and_the_timeline_names_the_operator()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var citizen = (await app.AddCitizensAsync(1, telegram: false)).Single();

        var response = await app.Operator().PostAsJsonAsync("/api/sandbox/replies", new { citizenId = citizen.Id.ToString(), channel = "sms", text = "4" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("duty-officer", (await response.ReadJsonAsync()).GetProperty("enteredBy").GetString());
        Assert.Equal(JourneyStatus.NeedsHelp, (await app.WithDbAsync(db => db.Citizens.SingleAsync())).Status);
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "sandbox.reply"));
        Assert.Equal(("duty-officer", citizen.Id.ToString(), "Sms: \"4\""), (audit.Actor, audit.Target, audit.Detail));

        var timeline = (await app.Viewer().GetFromJsonAsync<JsonElement>($"/api/citizens/{citizen.Id}")).GetProperty("timeline").EnumerateArray().Skip(1).ToList();
        var fromReply = timeline.Where(e => e.GetProperty("kind").GetString() is "ReplyReceived" or "StatusChanged" or "Escalated").ToList();
        Assert.Equal(3, fromReply.Count);
        Assert.All(fromReply, e => Assert.Equal("entered by operator duty-officer", e.GetProperty("actor").GetString()));
        Assert.DoesNotContain(timeline, e => e.GetProperty("actor").GetString() == "citizen");
    }

    [Fact]
    public async Task On_a_live_channel_it_is_refused_while_the_sandbox_channel_of_the_same_citizen_still_works()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(telegram, null));
        var citizen = (await app.AddCitizensAsync(1)).Single();

        var live = await app.Operator().PostAsJsonAsync("/api/sandbox/replies", new { citizenId = citizen.Id.ToString(), channel = "Telegram", text = "STOP" });
        Assert.Equal(HttpStatusCode.Forbidden, live.StatusCode);
        Assert.Contains("Telegram is live", (await live.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.False((await app.WithDbAsync(db => db.Citizens.SingleAsync())).OptedOut);
        Assert.Equal(0, await app.WithDbAsync(db => db.Replies.CountAsync()));

        var sandbox = await app.Operator().PostAsJsonAsync("/api/sandbox/replies", new { citizenId = citizen.Id.ToString(), channel = "Sms", text = "1" });
        Assert.Equal(HttpStatusCode.OK, sandbox.StatusCode);
    }
}
