using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Evacuation.Cli;

/// <summary><c>evac keys list</c>: every key with its role, source, creation and last use; never a secret.</summary>
public sealed class KeysListCommand(Terminal terminal, OperatorApi api) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var keys = await api.GetAsync("/api/keys", cancellationToken);
        var table = new Table().Border(TableBorder.Rounded).Title("Operator keys");
        foreach (var column in new[] { "Id", "Name", "Role", "Source", "Created", "By", "Last used", "Revoked" })
        {
            table.AddColumn(column);
        }
        foreach (var key in keys.EnumerateArray())
        {
            // Names are data: shown as text, never read as markup.
            table.AddRow(
                new Text(Text(key, "id")), new Text(Text(key, "name")), new Text(Text(key, "role")), new Text(Text(key, "source")),
                new Text(Time(key, "createdAt")), new Text(Text(key, "createdBy")), new Text(Time(key, "lastUsedAt")), new Text(Time(key, "revokedAt")));
        }
        terminal.Console.Write(table);
        return ExitCodes.Ok;
    }

    static string Text(JsonElement key, string name) => key.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    static string Time(JsonElement key, string name) =>
        key.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.TryGetDateTime(out var at) ? at.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC" : "";
}

/// <summary><c>evac keys create NAME --role ROLE</c>: prints the new key once; it cannot be shown again.</summary>
public sealed class KeysCreateCommand(Terminal terminal, OperatorApi api) : AsyncCommand<KeysCreateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<NAME>")]
        [Description("What the audit log calls this key, e.g. the officer or screen that uses it.")]
        public string Name { get; init; } = "";

        [CommandOption("--role <ROLE>")]
        [Description("Viewer (reads), Operator (also imports and broadcasts) or Admin (also keys, crossings, schedules).")]
        public string Role { get; init; } = "Viewer";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var created = await api.PostAsync("/api/keys", new { name = settings.Name, role = settings.Role }, cancellationToken);
        terminal.Console.MarkupLine($"Key [bold]{Markup.Escape(created.GetProperty("name").GetString() ?? "")}[/] ({Markup.Escape(created.GetProperty("role").GetString() ?? "")}), shown only this once:");
        terminal.Console.WriteLine(created.GetProperty("key").GetString() ?? "");
        terminal.Console.MarkupLine($"id {Markup.Escape(created.GetProperty("id").GetString() ?? "")}; revoke it with 'evac keys revoke'.");
        return ExitCodes.Ok;
    }
}

/// <summary><c>evac keys revoke ID|NAME</c>: the key stops working on every node within a second.</summary>
public sealed class KeysRevokeCommand(Terminal terminal, OperatorApi api) : AsyncCommand<KeysRevokeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<KEY>")]
        [Description("The key's id, or the name of a key not yet revoked.")]
        public string Key { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var id = settings.Key;
        if (!Guid.TryParse(id, out _))
        {
            var keys = await api.GetAsync("/api/keys", cancellationToken);
            var named = keys.EnumerateArray().FirstOrDefault(k =>
                string.Equals(k.GetProperty("name").GetString(), settings.Key, StringComparison.OrdinalIgnoreCase) &&
                k.GetProperty("revokedAt").ValueKind == JsonValueKind.Null);
            id = named.ValueKind == JsonValueKind.Object
                ? named.GetProperty("id").GetString()!
                : throw new CliException($"no active key is named '{settings.Key}'; 'evac keys list' shows them");
        }
        var revoked = await api.DeleteAsync("/api/keys/" + Uri.EscapeDataString(id), cancellationToken);
        terminal.Console.MarkupLine($"Revoked [bold]{Markup.Escape(revoked.GetProperty("name").GetString() ?? "")}[/]: it is refused from now on.");
        return ExitCodes.Ok;
    }
}
