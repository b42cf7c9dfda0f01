using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Reports;

public sealed class UnconfirmedReportTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_report_lists_everyone_not_yet_departed_as_csv(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var csv = Some.CsvHeader + "\n"
            + $"A,\"Kovalenko, Olena\",{Some.Phone(1)},,uk,Lviv,2\n"
            + $"B,Gone,{Some.Phone(2)},,en,Lviv,1\n"
            + $"C,=HYPERLINK(\"x\"),{Some.Phone(3)},,en,Kyiv,1\n";
        await app.Operator().PostAsync("/api/citizens/import", Some.Csv(csv));
        await using (var db = app.Database.Open())
        {
            await db.Citizens.Where(c => c.ExternalId == "B").ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, JourneyStatus.Departed));
        }

        var response = await app.Operator().GetAsync("/api/reports/unconfirmed");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("id,externalId,name,phone,", lines[0]);
        Assert.Contains("lastContactAt,remindersSent", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(",A,\"Kovalenko, Olena\"," + Some.Phone(1) + ",", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",B,", StringComparison.Ordinal));
        // A name that a spreadsheet would run as a formula is written as text.
        Assert.Contains(lines, l => l.Contains(",\"'=HYPERLINK(\"\"x\"\")\",", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_export_and_the_call_list_need_an_operator_key_and_every_read_is_audited()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await app.Viewer().GetAsync("/api/reports/unconfirmed")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await app.Viewer().GetAsync("/api/reports/call-list")).StatusCode);

        await app.Operator().GetStringAsync("/api/reports/unconfirmed");
        await app.Operator().GetStringAsync("/api/reports/call-list");
        await app.Admin().GetStringAsync("/api/reports/call-list");

        await using var db = app.Database.Open();
        var audit = await db.AuditEntries.Where(a => a.Action.StartsWith("reports.")).OrderBy(a => a.Id).Select(a => a.Action + " " + a.Actor).ToListAsync();
        Assert.Equal(["reports.unconfirmed duty-officer", "reports.call-list duty-officer", "reports.call-list admin"], audit);
    }
}
