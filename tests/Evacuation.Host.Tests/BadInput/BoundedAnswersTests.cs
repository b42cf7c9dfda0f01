using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.BadInput;

/// <summary>
/// Hostile input must not grow what the service holds or answers: import answers list the first 1,000 rejections
/// and warnings with totals; a warning in Cyrillic travels in the body, never a header; the longest texts the API
/// accepts, in any script, fit their columns on both databases.
/// </summary>
public sealed class BoundedAnswersTests
{
    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_import_answer_lists_the_first_thousand_rejections_and_warnings_and_counts_them_all()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var csv = new StringBuilder("externalId,name,phone,telegramChatId,language,region,householdSize\n");
        for (var i = 0; i < 2_500; i++)
        {
            csv.Append(CultureInfo($"BAD-{i},Nobody,not-a-phone,,en,Lviv,1\n"));
        }
        for (var i = 0; i < 1_200; i++)
        {
            csv.Append(CultureInfo($"OK-{i},Somebody,+38050{i:D7},,uk,Невідомщина,1\n"));
        }

        var response = await app.Operator().PostAsync("/api/citizens/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), Cancel);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1_200, answer.GetProperty("imported").GetInt32());
        Assert.Equal(1_000, answer.GetProperty("rejected").GetArrayLength());
        Assert.Equal(2_500, answer.GetProperty("rejectedTotal").GetInt32());
        Assert.Equal(2, answer.GetProperty("rejected")[0].GetProperty("line").GetInt32());
        Assert.Equal(1_001, answer.GetProperty("rejected")[999].GetProperty("line").GetInt32());
        Assert.Equal(1_000, answer.GetProperty("warnings").GetArrayLength());
        Assert.Equal(1_200, answer.GetProperty("warningsTotal").GetInt32());
    }

    static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);

    [Fact]
    public async Task A_citizen_with_an_unknown_cyrillic_region_is_stored_and_warned_about_in_the_body()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);

        var response = await app.Operator().PostAsJsonAsync("/api/citizens", new { name = "Оксана", phone = "+380501234001", region = "Невідомщина" }, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("Warning"));
        Assert.Contains("Невідомщина", JsonDocument.Parse(body).RootElement.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_longest_texts_the_api_accepts_in_any_script_are_stored_whole(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var hebrewName = string.Concat(Enumerable.Repeat("שלום", 50));
        var created = await app.Operator().PostAsJsonAsync("/api/citizens", new { name = hebrewName, phone = "+380501234002", telegramChatId = 77001 }, Cancel);
        var citizenId = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();
        var texts = new Dictionary<string, string>
        {
            ["en"] = new string('e', 1600),
            ["he"] = string.Concat(Enumerable.Repeat("עזבו", 400)),
            ["ru"] = string.Concat(Enumerable.Repeat("Уезж", 400)),
            ["uk"] = string.Concat(Enumerable.Repeat("Їдьт", 400)),
        };
        var broadcast = await app.Operator().PostAsJsonAsync("/api/broadcasts", new { kind = "Custom", text = texts, channels = "Telegram" }, Cancel);
        var telegramLongest = string.Concat(Enumerable.Repeat("Допоможіть", 409)) + "аааа\U0001F198";
        var reply = await app.Operator().PostAsJsonAsync("/api/sandbox/replies", new { citizenId, channel = "Telegram", text = telegramLongest }, Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, broadcast.StatusCode);
        Assert.True(reply.IsSuccessStatusCode, await reply.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(4096, telegramLongest.Length);
        Assert.Equal(hebrewName, await app.WithDbAsync(db => db.Citizens.Select(c => c.Name).SingleAsync(Cancel)));
        Assert.Equal(telegramLongest, await app.WithDbAsync(db => db.Replies.Select(r => r.Text).SingleAsync(Cancel)));
        var stored = await app.WithDbAsync(db => db.Broadcasts.Where(b => b.CreatedBy != "replies").Select(b => b.TextsJson).SingleAsync(Cancel));
        Assert.Equal(texts, JsonSerializer.Deserialize<Dictionary<string, string>>(stored!));
    }
}
