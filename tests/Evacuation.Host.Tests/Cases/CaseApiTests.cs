using System.Net;
using System.Text.Json;
using Evacuation.Core.Cases;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Host.Tests.Broadcasts;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Cases;

/// <summary><c>/api/cases</c>: take the oldest, annotate, resolve; audited; clear answers to what cannot be done.</summary>
public sealed class CaseApiTests
{
    /// <summary>Three citizens who asked for help a minute apart: case ids in that order.</summary>
    static async Task<(List<Citizen> Citizens, List<string> Cases)> ThreeCallsAsync(EvacuationApp app)
    {
        var citizens = await app.AddCitizensAsync(3);
        foreach (var citizen in citizens)
        {
            await app.ReplyAsync(citizen.Id, "help");
            app.Time.Advance(TimeSpan.FromMinutes(1));
        }
        var ids = (await app.StoredCasesAsync()).Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return (citizens, ids);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Officers_take_the_oldest_waiting_cases_in_turn_and_each_take_is_audited(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var (citizens, ids) = await ThreeCallsAsync(app);

        var first = await (await app.Operator().PostAsync("/api/cases/take", null)).ReadJsonAsync();
        var second = await (await app.Admin().PostAsync("/api/cases/take", null)).ReadJsonAsync();

        Assert.Equal(ids[0], first.GetProperty("id").GetString());
        Assert.Equal("duty-officer", first.GetProperty("assignedTo").GetString());
        Assert.Equal("Assigned", first.GetProperty("state").GetString());
        Assert.Equal(citizens[0].Phone, first.GetProperty("citizen").GetProperty("phone").GetString());
        Assert.Equal(ids[1], second.GetProperty("id").GetString());
        Assert.Equal("admin", second.GetProperty("assignedTo").GetString());
        Assert.Equal(2, await app.AuditCountAsync("case.assign"));
        var timeline = await app.WithDbAsync(db => db.CitizenEvents.Where(e => e.CitizenId == citizens[0].Id && e.Kind == CitizenEventKind.CaseUpdated).ToListAsync());
        Assert.Equal("duty-officer", Assert.Single(timeline).Actor);

        var list = await (await app.Viewer().GetAsync("/api/cases")).ReadJsonAsync();
        Assert.Equal([ids[2], ids[0], ids[1]], list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Taking_when_nothing_waits_says_so()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);

        var response = await app.Operator().PostAsync("/api/cases/take", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No case is waiting", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_someone_else_has_is_taken_only_on_purpose_and_taking_ones_own_again_records_nothing()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var (_, ids) = await ThreeCallsAsync(app);
        (await app.Operator().CaseActionAsync(ids[0], "assign")).EnsureSuccessStatusCode();

        var again = await app.Operator().CaseActionAsync(ids[0], "assign");
        var grab = await app.Admin().CaseActionAsync(ids[0], "assign");
        var takeOver = await app.Admin().CaseActionAsync(ids[0], "assign", new { takeOver = true });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, grab.StatusCode);
        Assert.Contains("duty-officer", (await grab.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("admin", (await takeOver.ReadJsonAsync()).GetProperty("assignedTo").GetString());
        Assert.Equal(2, await app.AuditCountAsync("case.assign"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_case_is_noted_and_resolved_once_and_its_history_shows_who_did_what(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var (_, ids) = await ThreeCallsAsync(app);
        var officer = app.Operator();

        (await officer.CaseActionAsync(ids[0], "assign")).EnsureSuccessStatusCode();
        (await officer.CaseActionAsync(ids[0], "note", new { note = "no answer, trying again in 10 minutes" })).EnsureSuccessStatusCode();
        var resolved = await officer.CaseActionAsync(ids[0], "resolve", new { note = "reached: bus to Shehyni arranged" });
        var twice = await app.Admin().CaseActionAsync(ids[0], "resolve", new { note = "false alarm" });

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("already resolved by duty-officer", (await twice.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var shown = await (await app.Viewer().GetAsync($"/api/cases/{ids[0]}")).ReadJsonAsync();
        Assert.Equal("Resolved", shown.GetProperty("state").GetString());
        Assert.Equal("reached: bus to Shehyni arranged", shown.GetProperty("resolution").GetString());
        Assert.Equal(
            ["Opened/citizen", "Assigned/duty-officer", "Note/duty-officer", "Resolved/duty-officer"],
            shown.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("kind").GetString() + "/" + n.GetProperty("actor").GetString()));
        Assert.Equal(1, await app.AuditCountAsync("case.resolve"));
        Assert.Equal(1, await app.AuditCountAsync("case.note"));
        var assign = await app.Operator().CaseActionAsync(ids[0], "assign");
        Assert.Equal(HttpStatusCode.Conflict, assign.StatusCode);
    }

    public static TheoryData<string, string, string, string?, string?, HttpStatusCode> BadRequests => new()
    {
        { "unknown case", "999", "resolve", "{\"note\":\"x\"}", "application/json", HttpStatusCode.NotFound },
        { "not a case id", "abc", "note", "{\"note\":\"x\"}", "application/json", HttpStatusCode.NotFound },
        { "resolve without a note", "FIRST", "resolve", "{}", "application/json", HttpStatusCode.BadRequest },
        { "an empty note", "FIRST", "note", "{\"note\":\"   \"}", "application/json", HttpStatusCode.BadRequest },
        { "malformed JSON", "FIRST", "note", "{\"note\":", "application/json", HttpStatusCode.BadRequest },
        { "not JSON", "FIRST", "note", "note=x", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType },
        { "a note that is too long", "FIRST", "note", "{\"note\":\"" + new string('x', CaseRules.MaxNoteLength + 1) + "\"}", "application/json", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_requests_get_a_problem_that_says_what_to_do_and_change_nothing(
        string label, string id, string action, string? body, string? contentType, HttpStatusCode expected)
    {
        Assert.NotEmpty(label);
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var (_, ids) = await ThreeCallsAsync(app);
        using var content = new StringContent(body ?? "", System.Text.Encoding.UTF8, contentType ?? "application/json");

        var response = await app.Operator().PostAsync($"/api/cases/{(id == "FIRST" ? ids[0] : id)}/{action}", content);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((await response.ReadJsonAsync()).GetProperty("detail").GetString()));
        Assert.All(await app.StoredCasesAsync(), c => Assert.Equal(CaseState.Open, c.State));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("case."))));
    }

    [Fact]
    public async Task A_viewer_reads_cases_with_masked_phones_and_may_change_none()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var (citizens, ids) = await ThreeCallsAsync(app);

        var list = await (await app.Viewer().GetAsync("/api/cases")).ReadJsonAsync();
        var take = await app.Viewer().PostAsync("/api/cases/take", null);
        var resolve = await app.Viewer().CaseActionAsync(ids[0], "resolve", new { note = "x" });

        var citizen = list.GetProperty("items")[0].GetProperty("citizen");
        Assert.Equal(PhoneNumber.Mask(citizens[0].Phone), citizen.GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, citizen.GetProperty("telegramChatId").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, take.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resolve.StatusCode);
    }

    [Theory]
    [InlineData("all", 3)]
    [InlineData("Resolved", 1)]
    [InlineData("open", 1)]
    [InlineData(null, 2)]
    public async Task The_list_filters_by_state(string? state, int count)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var (_, ids) = await ThreeCallsAsync(app);
        (await app.Operator().CaseActionAsync(ids[0], "resolve", new { note = "false alarm" })).EnsureSuccessStatusCode();
        (await app.Operator().CaseActionAsync(ids[1], "assign")).EnsureSuccessStatusCode();

        var list = await (await app.Viewer().GetAsync("/api/cases" + (state is null ? "" : "?state=" + state))).ReadJsonAsync();

        Assert.Equal(count, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Viewer().GetAsync("/api/cases?state=Lost")).StatusCode);
    }

    [Fact]
    public async Task The_call_list_shows_each_citizens_case_and_who_has_it()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var (citizens, ids) = await ThreeCallsAsync(app);
        (await app.Operator().CaseActionAsync(ids[1], "assign")).EnsureSuccessStatusCode();

        var calls = (await (await app.Operator().GetAsync("/api/reports/call-list")).ReadJsonAsync()).EnumerateArray().ToList();

        Assert.Equal(citizens.Select(c => c.Id.ToString()), calls.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(ids, calls.Select(c => c.GetProperty("caseId").GetString()));
        Assert.Equal(["Open", "Assigned", "Open"], calls.Select(c => c.GetProperty("caseState").GetString()));
        Assert.Equal("duty-officer", calls[1].GetProperty("caseAssignedTo").GetString());
    }
}
