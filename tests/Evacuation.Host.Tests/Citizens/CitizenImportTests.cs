using System.Net;
using System.Text;
using System.Text.Json;
using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Citizens;

public sealed class CitizenImportTests
{
    static async Task<JsonElement> ImportAsync(EvacuationApp app, string csv)
    {
        var response = await app.Operator().PostAsync("/api/citizens/import", Some.Csv(csv));
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    static List<(int Line, string Reason)> Rejected(JsonElement body) =>
        body.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("reason").GetString()!)).ToList();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Good_rows_are_stored_and_each_bad_row_is_refused_with_its_line_and_a_reason(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var csv = "\uFEFF" + Some.CsvHeader + "\r\n"
            + "E1,Olena,050 123 4567,,uk,Lviv,3\r\n"                 // line 2: good
            + "\r\n"                                                 // line 3: blank, skipped silently
            + "E2,\"Petrenko, Ivan\",+380501234568,,ru,Kyiv,1\r\n"  // line 4: good, quoted comma
            + "E3,Bad Phone,12345,,en,Kyiv,1\r\n"                    // line 5: bad phone
            + "E4,French,+380501234569,,fr,Kyiv,1\r\n"               // line 6: unknown language
            + "E5,Nobody,,,en,Kyiv,1\r\n"                            // line 7: neither phone nor chat
            + "E1,Again,+380501234570,,en,Kyiv,1\r\n"                // line 8: duplicate externalId
            + $"E6,{new string('x', 201)},+380501234571,,en,Kyiv,1\r\n" // line 9: name too long
            + "E7,\"Multi\r\nline\",,555,he,Odesa,2\r\n"             // lines 10-11: a line break in a name is refused
            + "E8,Broken\"quote,+380501234572,,en,Kyiv,1\r\n"        // line 12: good (a quote inside an unquoted field is kept)
            + "E9,\"Unclosed\"x,+380501234573,,en,Kyiv,1\r\n"        // line 13: text after closing quote
            + "E10,Nowhere,+380501234574,,en,Atlantis,1\r\n";        // line 14: good, with a warning

        var body = await ImportAsync(app, csv);

        Assert.Equal(4, body.GetProperty("imported").GetInt32());
        Assert.Equal(0, body.GetProperty("updated").GetInt32());
        var rejected = Rejected(body);
        Assert.Equal([5, 6, 7, 8, 9, 10, 13], rejected.Select(r => r.Line));
        Assert.Contains("phone", rejected[0].Reason);
        Assert.Contains("language 'fr'", rejected[1].Reason);
        Assert.Contains("neither", rejected[2].Reason);
        Assert.Contains("line 2", rejected[3].Reason);
        Assert.Contains("200", rejected[4].Reason);
        Assert.Contains("control characters", rejected[5].Reason);
        Assert.Contains("quote", rejected[6].Reason);
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal(14, warning.GetProperty("line").GetInt32());
        Assert.Contains("Atlantis", warning.GetProperty("message").GetString());

        await using var db = app.Database.Open();
        var names = await db.Citizens.OrderBy(c => c.ExternalId).Select(c => c.Name).ToListAsync();
        Assert.Equal(["Olena", "Nowhere", "Petrenko, Ivan", "Broken\"quote"], names);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_phone_moved_to_another_citizen_in_a_later_batch_of_the_same_file_is_taken_by_that_citizen(StorageProvider provider)
    {
        // The next batch is looked up while the previous one is written; a record naming a citizen an earlier batch
        // changed must still be judged against what that batch wrote.
        await using var app = await EvacuationApp.StartAsync(provider);
        await ImportAsync(app, Some.CsvHeader + "\nA,Anna,+380501110001,,en,Kyiv,1\n");
        var filler = Enumerable.Range(1, 2 * Evacuation.Host.Citizens.ImportQueue.BatchSize).Select(i => $"F{i},Filler {i},{Some.Phone(i)},,en,Kyiv,1");
        var csv = Some.CsvHeader + "\nA,Anna,+380501110002,,en,Kyiv,1\n" + string.Join("\n", filler) + "\nB,Borys,+380501110001,,en,Kyiv,1\n";

        var body = await ImportAsync(app, csv);

        Assert.True(body.GetProperty("rejected").GetArrayLength() == 0, body.ToString());
        Assert.Equal(1, body.GetProperty("updated").GetInt32());
        await using var db = app.Database.Open();
        Assert.Equal("+380501110002", await db.Citizens.Where(c => c.ExternalId == "A").Select(c => c.Phone).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal("+380501110001", await db.Citizens.Where(c => c.ExternalId == "B").Select(c => c.Phone).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_the_same_file_twice_updates_nothing_and_a_changed_file_updates_only_changed_rows(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var csv = Some.CsvHeader + "\n" + string.Join("\n", Enumerable.Range(1, 2500).Select(i => $"E{i},Person {i},{Some.Phone(i)},,en,Kyiv,1"));
        var first = await ImportAsync(app, csv);
        Assert.Equal(2500, first.GetProperty("imported").GetInt32());

        var again = await ImportAsync(app, csv);
        Assert.Equal(0, again.GetProperty("imported").GetInt32());
        Assert.Equal(0, again.GetProperty("updated").GetInt32());
        Assert.Equal(2500, again.GetProperty("unchanged").GetInt32());

        var changed = await ImportAsync(app, Some.CsvHeader + "\nE7,Person Seven,,,ru,,\nE2501,New,+380509999999,,,,\n");
        Assert.True(changed.GetProperty("rejected").GetArrayLength() == 0, changed.ToString());
        Assert.Equal(1, changed.GetProperty("updated").GetInt32());
        Assert.Equal(1, changed.GetProperty("imported").GetInt32());
        await using var db = app.Database.Open();
        var seven = await db.Citizens.SingleAsync(c => c.ExternalId == "E7");
        Assert.Equal(("Person Seven", "ru", Some.Phone(7), "Kyiv"), (seven.Name, seven.Language, seven.Phone, seven.Region));
    }

    [Fact]
    public async Task A_row_with_more_fields_than_the_header_is_refused()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var body = await ImportAsync(app, Some.CsvHeader + "\nE1,Olena,Kovalenko,+380501234567,,uk,Lviv,3\n");
        var (line, reason) = Assert.Single(Rejected(body));
        Assert.Equal(2, line);
        Assert.Contains("unquoted comma", reason);
    }

    [Fact]
    public async Task Columns_may_come_in_any_order_and_case_and_unknown_columns_are_warned_about()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var body = await ImportAsync(app, "PHONE,Name,notes\n+380501234567,Olena,likes tea\n");
        Assert.Equal(1, body.GetProperty("imported").GetInt32());
        Assert.Contains("notes", Assert.Single(body.GetProperty("warnings").EnumerateArray()).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("", Label = "empty file")]
    [InlineData("name,region\nOlena,Lviv\n", Label = "header without phone or chat columns")]
    public async Task A_file_that_cannot_be_imported_at_all_is_400(string csv)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var response = await app.Operator().PostAsync("/api/citizens/import", Some.Csv(csv));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest);
        Assert.Contains("header", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_non_csv_body_is_415()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var response = await app.Operator().PostAsync("/api/citizens/import", Some.Json("[]"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_phone_already_stored_for_another_citizen_refuses_only_that_row()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        await app.Operator().PostCitizenAsync(new { externalId = "OLD", name = "Old", phone = "+380501234567" });
        var body = await ImportAsync(app, Some.CsvHeader + "\nNEW,New,+380501234567,,,,\nOK,Fine,+380501234568,,,,\n");
        Assert.Equal(1, body.GetProperty("imported").GetInt32());
        var (line, reason) = Assert.Single(Rejected(body));
        Assert.Equal(2, line);
        Assert.Contains("externalId OLD", reason);
    }

    [Fact]
    public async Task Injection_strings_in_a_file_are_stored_as_text()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var body = await ImportAsync(app, Some.CsvHeader + "\nE1,\"x'); DROP TABLE citizens; --\",+380501234567,,,\"<img src=x onerror=alert(1)>\",\n");
        Assert.Equal(1, body.GetProperty("imported").GetInt32());
        await using var db = app.Database.Open();
        var citizen = await db.Citizens.SingleAsync();
        Assert.Equal("x'); DROP TABLE citizens; --", citizen.Name);
        Assert.Equal("<img src=x onerror=alert(1)>", citizen.Region);
    }
}
