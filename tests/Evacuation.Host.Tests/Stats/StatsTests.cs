using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Stats;

public sealed class StatsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stats_count_citizens_by_status_and_region_with_opted_out_and_unreachable(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var csv = Some.CsvHeader + "\n"
            + $"A,A,{Some.Phone(1)},,en,Lviv,2\n"
            + $"B,B,{Some.Phone(2)},,en,Lviv,1\n"
            + $"C,C,,77,en,Odesa,4\n"
            + $"D,D,{Some.Phone(4)},,en,,1\n";
        await app.Operator().PostAsync("/api/citizens/import", Some.Csv(csv));
        await using (var db = app.Database.Open())
        {
            await db.Citizens.Where(c => c.ExternalId == "B").ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, JourneyStatus.Departed));
            await db.Citizens.Where(c => c.ExternalId == "C").ExecuteUpdateAsync(s => s.SetProperty(c => c.TelegramUnreachable, true));
            await db.Citizens.Where(c => c.ExternalId == "D").ExecuteUpdateAsync(s => s.SetProperty(c => c.OptedOut, true));
        }

        var stats = await app.Viewer().GetFromJsonAsync<JsonElement>("/api/stats");

        Assert.Equal(4, stats.GetProperty("citizens").GetInt32());
        Assert.Equal(3, stats.GetProperty("byStatus").GetProperty("Unconfirmed").GetInt32());
        Assert.Equal(1, stats.GetProperty("byStatus").GetProperty("Departed").GetInt32());
        Assert.Equal(0, stats.GetProperty("byStatus").GetProperty("NeedsHelp").GetInt32());
        Assert.Equal(1, stats.GetProperty("byRegion").GetProperty("Lviv").GetProperty("Departed").GetInt32());
        Assert.Equal(1, stats.GetProperty("byRegion").GetProperty("Lviv").GetProperty("Unconfirmed").GetInt32());
        Assert.Equal(1, stats.GetProperty("byRegion").GetProperty("(none)").GetProperty("Unconfirmed").GetInt32());
        Assert.Equal(1, stats.GetProperty("optedOut").GetInt32());
        Assert.Equal(1, stats.GetProperty("unreachable").GetInt32());
        Assert.Equal(8, stats.GetProperty("people").GetInt32());
    }
}
