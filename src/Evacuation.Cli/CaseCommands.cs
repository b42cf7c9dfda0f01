using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Evacuation.Cli;

public sealed class CaseListSettings : CommandSettings
{
    [CommandOption("--state <STATE>")]
    [Description("active (Open and Assigned, the default), all, Open, Assigned or Resolved.")]
    public string? State { get; init; }
}

public sealed class CaseTakeSettings : CommandSettings
{
    [CommandArgument(0, "[ID]")]
    [Description("A case to take; without one, the case that has waited longest with nobody on it.")]
    public string? Id { get; init; }

    [CommandOption("--take-over")]
    [Description("Take the case even though another officer has it (they went off shift).")]
    public bool TakeOver { get; init; }
}

public sealed class CaseResolveSettings : CommandSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The case's number, as 'evac cases list' shows it.")]
    public string Id { get; init; } = "";

    [CommandOption("--note <TEXT>")]
    [Description("How it ended: reached, help sent, false alarm, unreachable... (required).")]
    public string? Note { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Note) ? ValidationResult.Error("--note is required: say how it ended") : ValidationResult.Success();
}

/// <summary><c>evac cases list [--state S]</c>: the cases waiting and being handled, oldest first.</summary>
public sealed class CaseListCommand(Terminal terminal, OperatorApi api) : AsyncCommand<CaseListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CaseListSettings settings, CancellationToken cancellationToken)
    {
        var path = "/api/cases?pageSize=500" + (settings.State is { Length: > 0 } s ? "&state=" + Uri.EscapeDataString(s) : "");
        var page = await api.GetAsync(path, cancellationToken);
        var table = new Table().Border(TableBorder.Rounded).Title("Help cases");
        table.AddColumns("Case", "Person", "Phone", "Language", "State", "With", "Waiting since");
        table.AddColumn(new TableColumn("Calls").RightAligned());
        foreach (var c in page.GetProperty("items").EnumerateArray())
        {
            table.AddRow([.. new[]
            {
                c.GetProperty("id").GetString(), Cases.Person(c), Cases.Phone(c), Cases.Citizen(c, "language"), c.GetProperty("state").GetString(),
                Cases.Text(c, "assignedTo"), Cases.Time(c.GetProperty("stateSince")), c.GetProperty("requests").GetInt32().ToString(CultureInfo.InvariantCulture),
            }.Select(v => Markup.Escape(v ?? ""))]);
        }
        terminal.Console.Write(table);
        terminal.Console.MarkupLine($"{page.GetProperty("total").GetInt32()} cases");
        return ExitCodes.Ok;
    }
}

/// <summary><c>evac cases take [ID] [--take-over]</c>: "I'm calling"; prints whom to call and what happened so far.</summary>
public sealed class CaseTakeCommand(Terminal terminal, OperatorApi api) : AsyncCommand<CaseTakeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CaseTakeSettings settings, CancellationToken cancellationToken)
    {
        var taken = settings.Id is { Length: > 0 } id
            ? await api.PostAsync($"/api/cases/{Uri.EscapeDataString(id)}/assign", new { takeOver = settings.TakeOver }, cancellationToken)
            : await api.PostAsync("/api/cases/take", new { }, cancellationToken);
        Cases.Write(terminal.Console, taken);
        return ExitCodes.Ok;
    }
}

/// <summary><c>evac cases resolve ID --note TEXT</c>.</summary>
public sealed class CaseResolveCommand(Terminal terminal, OperatorApi api) : AsyncCommand<CaseResolveSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CaseResolveSettings settings, CancellationToken cancellationToken)
    {
        var resolved = await api.PostAsync($"/api/cases/{Uri.EscapeDataString(settings.Id)}/resolve", new { note = settings.Note }, cancellationToken);
        Cases.Write(terminal.Console, resolved);
        return ExitCodes.Ok;
    }
}

/// <summary>Showing a case: the person and the case's history.</summary>
static class Cases
{
    public static void Write(IAnsiConsole console, JsonElement c)
    {
        console.MarkupLine($"case [bold]{Markup.Escape(c.GetProperty("id").GetString() ?? "")}[/] {Markup.Escape(c.GetProperty("state").GetString() ?? "")}"
            + (Text(c, "assignedTo") is { } who ? $", with {Markup.Escape(who)}" : ""));
        console.MarkupLine($"[bold]{Markup.Escape(Person(c))}[/] {Markup.Escape(Phone(c) ?? "")} {Markup.Escape(Citizen(c, "language") ?? "")} {Markup.Escape(Citizen(c, "region") ?? "")}");
        foreach (var note in c.TryGetProperty("notes", out var notes) ? notes.EnumerateArray() : [])
        {
            console.MarkupLine(Markup.Escape($"  {Time(note.GetProperty("at"))} {note.GetProperty("actor").GetString()} {note.GetProperty("kind").GetString()}: {note.GetProperty("text").GetString()}"));
        }
    }

    public static string Person(JsonElement c) =>
        c.GetProperty("citizen") is { ValueKind: JsonValueKind.Object } citizen
            ? (citizen.GetProperty("name").GetString() is { Length: > 0 } name ? name : "(no name)") + (citizen.GetProperty("optedOut").GetBoolean() ? " (opted out)" : "")
            : $"unknown sender on {c.GetProperty("channel").GetString()}";

    public static string? Phone(JsonElement c) => Citizen(c, "phone") ?? Text(c, "sender");

    public static string? Citizen(JsonElement c, string field) =>
        c.GetProperty("citizen") is { ValueKind: JsonValueKind.Object } citizen ? Text(citizen, field) : null;

    public static string? Text(JsonElement e, string field) =>
        e.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string Time(JsonElement at) => at.GetDateTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
