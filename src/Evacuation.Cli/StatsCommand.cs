using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Evacuation.Cli;

/// <summary><c>evac stats</c>: a table of citizens by region and journey status, with totals.</summary>
public sealed class StatsCommand(Terminal terminal, OperatorApi api) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var stats = await api.GetAsync("/api/stats", cancellationToken);
        var byStatus = stats.GetProperty("byStatus");
        var statuses = byStatus.EnumerateObject().Select(p => p.Name).ToList();

        var table = new Table().Border(TableBorder.Rounded).Title("Citizens by region and status");
        table.AddColumn("Region");
        foreach (var status in statuses)
        {
            table.AddColumn(new TableColumn(status).RightAligned());
        }
        table.AddColumn(new TableColumn("All").RightAligned());
        foreach (var region in stats.GetProperty("byRegion").EnumerateObject())
        {
            // Region names are data (an import may bring "[red]"): shown as text, never read as markup.
            table.AddRow(Row(region.Name, region.Value, statuses).Select(c => new Text(c)));
        }
        table.AddRow(Row("All", byStatus, statuses).Select(c => new Markup("[bold]" + Markup.Escape(c) + "[/]")));
        terminal.Console.Write(table);

        var citizens = stats.GetProperty("citizens").GetInt32();
        var people = stats.TryGetProperty("people", out var p) ? p.GetInt32() : citizens;
        var departedPeople = stats.TryGetProperty("peopleByStatus", out var pbs) && pbs.TryGetProperty("Departed", out var d)
            ? d.GetInt32()
            : byStatus.GetProperty("Departed").GetInt32();
        terminal.Console.MarkupLine(
            $"citizens [bold]{N(citizens)}[/], people [bold]{N(people)}[/], estimated still in the country [bold yellow]{N(people - departedPeople)}[/], " +
            $"opted out {N(stats.GetProperty("optedOut").GetInt32())}, unreachable {N(stats.GetProperty("unreachable").GetInt32())}");
        return ExitCodes.Ok;
    }

    static string[] Row(string name, JsonElement counts, List<string> statuses)
    {
        var values = statuses.Select(s => counts.TryGetProperty(s, out var n) ? n.GetInt32() : 0).ToList();
        return [name, .. values.Select(N), N(values.Sum())];
    }

    static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
