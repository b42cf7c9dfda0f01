using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Evacuation.Cli;

public sealed class DrillSettings : CommandSettings
{
    [CommandOption("--citizens <N>")]
    [Description("Demo citizens to seed (1-10,000).")]
    [DefaultValue(500)]
    public int Citizens { get; init; } = 500;

    [CommandOption("--minutes <M>")]
    [Description("How long the simulated answers are spread over (0.1-240; decimals allowed).")]
    [DefaultValue(10.0)]
    public double Minutes { get; init; } = 10;

    [CommandOption("--close-crossing")]
    [Description("Close the busiest crossing halfway (only when both channels are sandboxes); restored by --clean.")]
    public bool CloseCrossing { get; init; }

    [CommandOption("--force-sandbox")]
    [Description("On a service started with Drills:AllowWithLiveChannels=true: run although a channel is live (drill messages stay in the sandbox).")]
    public bool ForceSandbox { get; init; }

    [CommandOption("--clean")]
    [Description("Stop the drill and remove its citizens and their rows (the audit trail stays).")]
    public bool Clean { get; init; }
}

/// <summary><c>evac drill</c>: starts a drill and follows it live until it ends; <c>evac drill --clean</c> removes it.</summary>
public sealed class DrillCommand(Terminal terminal, OperatorApi api) : AsyncCommand<DrillSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DrillSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Clean)
        {
            var cleaned = await api.PostAsync("/api/drills/clean", new { }, cancellationToken);
            terminal.Console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"drill cleaned: {cleaned.GetProperty("citizens").GetInt32():N0} demo citizens, {cleaned.GetProperty("deliveries").GetInt32():N0} messages, {cleaned.GetProperty("replies").GetInt32():N0} replies, " +
                $"{cleaned.GetProperty("cases").GetInt32():N0} help cases and {cleaned.GetProperty("broadcasts").GetInt32():N0} broadcasts (answers and reminders included) removed")
                + (cleaned.TryGetProperty("crossingRestored", out var crossing) && crossing.GetString() is { } id ? $"; crossing {Markup.Escape(id)} restored" : ""));
            return ExitCodes.Ok;
        }
        var started = await api.PostAsync("/api/drills", new
        {
            citizens = settings.Citizens,
            minutes = settings.Minutes,
            closeCrossing = settings.CloseCrossing,
            forceSandbox = settings.ForceSandbox,
        }, cancellationToken);
        terminal.Console.MarkupLine($"[bold yellow]DRILL[/] {Markup.Escape(started.GetProperty("id").GetString() ?? "")}: " +
            $"{started.GetProperty("citizens").GetInt32():N0} demo citizens over {settings.Minutes.ToString(CultureInfo.InvariantCulture)} minutes; Ctrl+C stops watching (the drill goes on; evac drill --clean ends it)");
        var last = await DrillView.FollowAsync(terminal.Console, api, cancellationToken);
        terminal.Console.MarkupLine($"drill {Markup.Escape(last.GetProperty("state").GetString() ?? "").ToLowerInvariant()}; when you are done looking, remove it with [bold]evac drill --clean[/]");
        return ExitCodes.Ok;
    }
}
