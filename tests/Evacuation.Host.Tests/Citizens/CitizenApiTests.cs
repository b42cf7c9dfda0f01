using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Citizens;

public sealed class CitizenApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_citizen_is_created_with_its_phone_stored_as_E164_and_found_again_by_id(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var response = await app.Operator().PostAsync("/api/citizens", Some.Json(
            """{"externalId":"C-1","name":"Olena Kovalenko","phone":"050 123 4567","language":"UK","region":"lviv","householdSize":3}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("+380501234567", body.GetProperty("phone").GetString());
        Assert.Equal("uk", body.GetProperty("language").GetString());
        Assert.Equal("Lviv", body.GetProperty("region").GetString());
        Assert.Equal("Unconfirmed", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("optedOut").GetBoolean());
        Assert.Equal(0, body.GetProperty("remindersSent").GetInt32());

        var id = body.GetProperty("id").GetString();
        Assert.Equal($"/api/citizens/{id}", response.Headers.Location?.OriginalString);
        var detail = await app.Viewer().GetFromJsonAsync<JsonElement>($"/api/citizens/{id}");
        Assert.Equal("Olena Kovalenko", detail.GetProperty("name").GetString());
        var created = Assert.Single(detail.GetProperty("timeline").EnumerateArray());
        Assert.Equal("Created", created.GetProperty("kind").GetString());
        Assert.Equal("duty-officer", created.GetProperty("actor").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Posting_the_same_externalId_again_updates_the_record_and_keeps_fields_left_out(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var client = app.Operator();
        var first = await client.PostCitizenAsync(new { externalId = "C-1", name = "Olena", phone = "+380501234567", language = "uk", householdSize = 3 });
        var response = await client.PostAsync("/api/citizens", Some.Json("""{"externalId":"C-1","name":"Olena K.","telegramChatId":123456789}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(first.GetProperty("id").GetString(), body.GetProperty("id").GetString());
        Assert.Equal("Olena K.", body.GetProperty("name").GetString());
        Assert.Equal("123456789", body.GetProperty("telegramChatId").GetString());
        Assert.Equal("uk", body.GetProperty("language").GetString());
        Assert.Equal(3, body.GetProperty("householdSize").GetInt32());
        Assert.Equal("+380501234567", body.GetProperty("phone").GetString());

        var detail = await app.Viewer().GetFromJsonAsync<JsonElement>($"/api/citizens/{body.GetProperty("id").GetString()}");
        var kinds = detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Created", "Updated"], kinds);
    }

    [Fact]
    public async Task Without_an_externalId_the_phone_finds_the_record_to_update()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var client = app.Operator();
        var first = await client.PostCitizenAsync(new { name = "Ivan", phone = "+380501234567" });
        var second = await client.PostCitizenAsync(new { name = "Ivan Petrenko", phone = "0501234567", language = "ru" });
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal("ru", second.GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_phone_that_belongs_to_another_citizen_is_a_409_and_changes_nothing()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var client = app.Operator();
        await client.PostCitizenAsync(new { externalId = "A", name = "A", phone = "+380501234567" });
        var response = await client.PostAsync("/api/citizens", Some.Json("""{"externalId":"B","name":"B","phone":"+380501234567"}"""));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail").GetString()!;
        Assert.Contains("externalId A", detail);
        Assert.DoesNotContain("501234567", detail);
        await using var db = app.Database.Open();
        Assert.Equal(1, await db.Citizens.CountAsync());
    }

    public static Labelled<string, string> BadCitizens => new()
    {
        { "no phone and no chat", """{"name":"A"}""", "neither" },
        { "invalid phone", """{"name":"A","phone":"12"}""", "phone" },
        { "unknown language", """{"name":"A","phone":"+380501234567","language":"fr"}""", "language 'fr'" },
        { "chat id not a number", """{"name":"A","telegramChatId":"abc"}""", "telegramChatId" },
        { "household of zero", """{"name":"A","phone":"+380501234567","householdSize":0}""", "householdSize" },
        { "5,000-character name", $$"""{"name":"{{new string('x', 5000)}}","phone":"+380501234567"}""", "name is longer than 200" },
        { "phone longer than 32 characters", """{"name":"A","phone":"+380 50 123 4567 000 000 000 000 000"}""", "32" },
    };

    [Theory]
    [MemberData(nameof(BadCitizens))]
    public async Task A_bad_citizen_is_refused_with_a_reason_and_nothing_is_stored(string json, string reason)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var response = await app.Operator().PostAsync("/api/citizens", Some.Json(json));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, (await response.ReadJsonAsync()).GetProperty("detail").GetString());
        await using var db = app.Database.Open();
        Assert.Equal(0, await db.Citizens.CountAsync());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_that_says_where()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var response = await app.Operator().PostAsync("/api/citizens", Some.Json("""{"name": "A", "phone": }"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var response = await app.Operator().PostAsync("/api/citizens", new StringContent("name=A", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var huge = $$"""{"name":"{{new string('x', 2 * 1024 * 1024)}}","phone":"+380501234567"}""";
        var response = await app.Operator().PostAsync("/api/citizens", Some.Json(huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Sql_and_script_injection_strings_are_stored_as_plain_text()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        const string name = "Robert'); DROP TABLE citizens;-- <script>alert(1)</script>";
        var body = await app.Operator().PostCitizenAsync(new { name, phone = "+380501234567" });
        var detail = await app.Viewer().GetFromJsonAsync<JsonElement>($"/api/citizens/{body.GetProperty("id").GetString()}");
        Assert.Equal(name, detail.GetProperty("name").GetString());
        var page = await app.Viewer().GetFromJsonAsync<JsonElement>("/api/citizens?region=' OR 1=1 --");
        Assert.Equal(0, page.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("0195f000-0000-7000-8000-000000000000")]
    public async Task An_unknown_id_is_404(string id)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var response = await app.Viewer().GetAsync($"/api/citizens/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_list_filters_by_region_and_channel_and_pages(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var csv = Some.CsvHeader + "\n" + string.Join("\n", Enumerable.Range(1, 25).Select(i =>
            $"E{i},Person {i:D2},{(i % 2 == 0 ? Some.Phone(i) : "")},{(i % 2 == 1 ? 1000 + i : "")},en,{(i <= 10 ? "Lviv" : "Odesa")},1"));
        Assert.Equal(HttpStatusCode.OK, (await app.Operator().PostAsync("/api/citizens/import", Some.Csv(csv))).StatusCode);
        var viewer = app.Viewer();

        var lviv = await viewer.GetFromJsonAsync<JsonElement>("/api/citizens?region=LVIV&pageSize=100");
        Assert.Equal(10, lviv.GetProperty("total").GetInt32());
        var sms = await viewer.GetFromJsonAsync<JsonElement>("/api/citizens?channel=sms&pageSize=100");
        Assert.Equal(12, sms.GetProperty("total").GetInt32());
        var page2 = await viewer.GetFromJsonAsync<JsonElement>("/api/citizens?page=2&pageSize=10");
        Assert.Equal(25, page2.GetProperty("total").GetInt32());
        Assert.Equal("Person 11", page2.GetProperty("items")[0].GetProperty("name").GetString());
        var unconfirmed = await viewer.GetFromJsonAsync<JsonElement>("/api/citizens?status=unconfirmed");
        Assert.Equal(25, unconfirmed.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("status=Gone")]
    [InlineData("channel=pigeon")]
    [InlineData("pageSize=5000")]
    [InlineData("page=0")]
    public async Task Bad_list_filters_are_400(string query)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Viewer().GetAsync($"/api/citizens?{query}")).StatusCode);
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_log_under_the_key_name()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        await app.Operator().PostCitizenAsync(new { name = "A", phone = "+380501234567" });
        await app.Operator().PostAsync("/api/citizens/import", Some.Csv(Some.CsvHeader + "\nX1,B,+380501234568,,,,\n"));
        await using var db = app.Database.Open();
        var entries = await db.AuditEntries.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["citizens.upsert", "citizens.import"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("duty-officer", e.Actor));
        Assert.Contains("imported 1", entries[1].Detail);
    }
}
