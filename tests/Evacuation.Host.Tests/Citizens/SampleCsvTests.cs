using Evacuation.Data;

namespace Evacuation.Host.Tests.Citizens;

/// <summary>The README's quick start imports docs/samples/citizens.csv: a dozen citizens and one line to refuse.</summary>
public sealed class SampleCsvTests
{
    [Fact]
    public async Task The_sample_imports_twelve_citizens_in_four_languages_and_shows_a_rejection_and_a_warning()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var csv = await File.ReadAllTextAsync(Path.Combine(StartupPaths.RepositoryRoot(), "docs", "samples", "citizens.csv"));

        var answer = await (await app.Operator().PostAsync("/api/citizens/import", Some.Csv(csv))).ReadJsonAsync();

        Assert.Equal(12, answer.GetProperty("imported").GetInt32());
        var rejected = Assert.Single(answer.GetProperty("rejected").EnumerateArray());
        Assert.Equal(14, rejected.GetProperty("line").GetInt32());
        var warning = Assert.Single(answer.GetProperty("warnings").EnumerateArray());
        Assert.Equal(13, warning.GetProperty("line").GetInt32());
        var stats = await (await app.Viewer().GetAsync("/api/stats")).ReadJsonAsync();
        Assert.Equal(12, stats.GetProperty("citizens").GetInt32());
    }
}
