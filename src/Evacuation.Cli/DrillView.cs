using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Evacuation.Cli;

/// <summary>The live view of a drill: time elapsed, its citizens by status, replies, messages, broadcasts, the call list.</summary>
public static class DrillView
{
    static readonly string[] Statuses = ["Unconfirmed", "OnTheWay", "Departed", "Staying", "NeedsHelp"];

    public static async Task<JsonElement> FollowAsync(IAnsiConsole console, OperatorApi api, CancellationToken cancellationToken)
    {
        var drill = await api.GetAsync("/api/drills/current", cancellationToken);
        await console.Live(Render(drill)).AutoClear(false).StartAsync(async live =>
        {
            while (drill.GetProperty("state").GetString() == "Running")
            {
                await Task.Delay(api.PollInterval, cancellationToken);
                drill = await api.GetAsync("/api/drills/current", cancellationToken);
                live.UpdateTarget(Render(drill));
            }
        });
        return drill;
    }

    public static Table Render(JsonElement drill)
    {
        var progress = drill.GetProperty("progress").GetDouble();
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold yellow]DRILL[/] {Markup.Escape(drill.GetProperty("state").GetString() ?? "")} {Bar(progress)} {progress * 100:F0}%");
        table.AddColumns([.. Statuses.Select(s => new TableColumn(s).RightAligned())]);
        var byStatus = drill.GetProperty("byStatus");
        table.AddRow([.. Statuses.Select(s => N(byStatus.GetProperty(s).GetInt64()))]);
        table.Caption(string.Create(CultureInfo.InvariantCulture,
            $"replies {N(drill.GetProperty("replies").GetInt64())} of {N(drill.GetProperty("answersPlanned").GetInt64())} · messages sent {N(drill.GetProperty("messagesSent").GetInt64())} · " +
            $"broadcasts {N(drill.GetProperty("broadcasts").GetInt64())} · reminder rounds {drill.GetProperty("reminderRounds").GetInt32()} · call list {N(drill.GetProperty("callList").GetInt64())} · " +
            $"help cases {N(drill.GetProperty("helpCases").GetInt64())}")
            + (drill.GetProperty("closedCrossing").GetString() is { } crossing ? $" · crossing {Markup.Escape(crossing)} closed" : ""));
        return table;
    }

    static string Bar(double progress)
    {
        var filled = (int)Math.Round(progress * 20);
        return "[green]" + new string('█', filled) + "[/][grey]" + new string('░', 20 - filled) + "[/]";
    }

    static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
