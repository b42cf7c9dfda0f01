namespace Evacuation.Cli.Tests;

/// <summary>Whatever an import or a citizen brings (square brackets included) is printed as it is, never read as Spectre markup.</summary>
public sealed class DataAsTextTests : IAsyncLifetime
{
    const string Header = "externalId,name,phone,telegramChatId,language,region,householdSize";

    readonly string file = Path.Combine(Path.GetTempPath(), $"evac-cli-{Guid.NewGuid():N}.csv");
    CliHost host = null!;

    public async ValueTask InitializeAsync() => host = await CliHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        File.Delete(file);
    }

    [Fact]
    public async Task Regions_and_reasons_with_markup_are_printed_as_written()
    {
        File.WriteAllLines(file, [Header, "a1,Anna,+380501234567,,en,[red]Lviv[/,1", "a2,[bold]x,12,,en,Lviv,1"]);

        var import = await host.RunAsync(CliHost.OperatorKey, "citizens", "import", file);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("[red]Lviv[/", import.Console);

        var stats = await host.RunAsync(CliHost.ViewerKey, "stats");
        Assert.True(stats.ExitCode == 0, stats.Error);
        Assert.Contains("[red]Lviv[/", stats.Console);
    }

    [Fact]
    public async Task An_import_with_thousands_of_bad_rows_lists_the_first_thousand_and_counts_them_all()
    {
        File.WriteAllLines(file, [Header, .. Enumerable.Range(0, 2500).Select(n => $"b{n},Bad,12,,en,Lviv,1")]);

        var import = await host.RunAsync(CliHost.OperatorKey, "citizens", "import", file);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("rejected 2,500", import.Console);
        Assert.Contains("Rejected lines (the first 1,000 of 2,500)", import.Console);
    }
}
