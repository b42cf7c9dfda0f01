using System.Net;
using Evacuation.Data;

namespace Evacuation.Host.Tests.Broadcasts;

/// <summary>Bad broadcast requests get a 400 that says what to fix, and store nothing.</summary>
public sealed class BroadcastRequestTests
{
    public static Labelled<string, string> BadRequests => new()
    {
        { "no kind", """{"channels":"Preferred"}""", "kind is required" },
        { "an unknown kind", """{"kind":"Panic"}""", "kind 'Panic'" },
        { "an unknown language", """{"kind":"Advisory","text":{"fr":"Partez"}}""", "unknown language 'fr'" },
        { "an unknown placeholder", """{"kind":"Advisory","text":{"en":"Go to {crosing} now"}}""", "did you mean {crossing}" },
        { "an empty custom text", """{"kind":"Custom","text":{"en":"  "}}""", "text.en: the text is empty" },
        { "a custom broadcast without text", """{"kind":"Custom"}""", "needs its text" },
        { "an oversize text", """{"kind":"Custom","text":{"en":"{{LONG}}"}}""", "at most 1600" },
        { "unknown channels", """{"kind":"Advisory","channels":"Pigeon"}""", "channels 'Pigeon'" },
        { "an unknown status", """{"kind":"Advisory","audience":{"statuses":["Lost"]}}""", "audience.statuses has 'Lost'" },
        { "an unknown region", """{"kind":"Advisory","audience":{"regions":["Atlantis"]}}""", "audience.regions has 'Atlantis'" },
        { "an unknown crossing", """{"kind":"Advisory","audience":{"crossings":["nowhere"]}}""", "audience.crossings has 'nowhere'" },
        { "a numeric kind", """{"kind":"1"}""", "kind '1'" },
        { "an audience of nobody", """{"kind":"Advisory","audience":{"statuses":["Staying"]}}""", "matches nobody" },
        { "malformed JSON", """{"kind":""", "not valid JSON" },
        { "an expiry in the past", """{"kind":"Advisory","expiresAt":"2026-11-25T07:00:00Z"}""", "is in the past" },
        { "an expiry before sendAt", """{"kind":"Advisory","sendAt":"2026-11-25T10:00:00Z","expiresAt":"2026-11-25T09:00:00Z"}""", "is not after sendAt" },
        { "an expiry absurdly far", """{"kind":"Advisory","expiresAt":"2026-12-25T08:00:00Z"}""", "more than 7 days" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_400_with_a_message_that_names_the_problem(string body, string expected)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        await app.AddCitizensAsync(2);

        var response = await app.Operator().PostAsync("/api/broadcasts", Some.Json(body.Replace("{{LONG}}", new string('a', 1601), StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Broadcasts)));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var response = await app.Operator().PostAsync("/api/broadcasts", Some.Csv("kind\nAdvisory\n"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
