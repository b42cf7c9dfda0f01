using System.ComponentModel;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Evacuation.Cli;

/// <summary><c>evac citizens import FILE.csv</c>: uploads the file with a progress bar, then prints the counts and every rejected line.</summary>
public sealed class ImportCommand(Terminal terminal, OperatorApi api) : AsyncCommand<ImportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("CSV with header externalId,name,phone,telegramChatId,language,region,householdSize.")]
        public string File { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var file = Open(settings.File);
        var length = file.Length;
        JsonElement answer = default;
        await terminal.Console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("uploading " + Markup.Escape(Path.GetFileName(settings.File)), maxValue: Math.Max(1, length));
                // The service reads and stores rows as they arrive, so the upload's progress is the import's.
                using var content = new StreamContent(new UploadStream(file, sent => task.Value = sent), 64 * 1024);
                content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
                content.Headers.ContentLength = length;
                answer = await api.PostAsync("/api/citizens/import", content, cancellationToken);
                task.Value = task.MaxValue;
            });

        var rejected = answer.GetProperty("rejected");
        terminal.Console.MarkupLine(
            $"imported [bold green]{N(answer, "imported")}[/], updated [bold]{N(answer, "updated")}[/], " +
            $"unchanged {N(answer, "unchanged")}, rejected [bold {(rejected.GetArrayLength() > 0 ? "red" : "default")}]{rejected.GetArrayLength()}[/]");
        WriteLines(terminal.Console, "Rejected lines", rejected, "reason");
        if (answer.TryGetProperty("warnings", out var warnings))
        {
            WriteLines(terminal.Console, "Warnings", warnings, "message");
        }
        return ExitCodes.Ok;
    }

    static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot read {path}: {e.Message}", ExitCodes.BadFile);
        }
    }

    static void WriteLines(IAnsiConsole console, string title, JsonElement lines, string text)
    {
        if (lines.GetArrayLength() == 0)
        {
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumn(new TableColumn("Line").RightAligned());
        table.AddColumn(text == "reason" ? "Reason" : "Message");
        foreach (var line in lines.EnumerateArray())
        {
            table.AddRow(line.GetProperty("line").ToString(), Markup.Escape(line.GetProperty(text).GetString() ?? ""));
        }
        console.Write(table);
    }

    static string N(JsonElement answer, string name) =>
        answer.TryGetProperty(name, out var value) ? value.GetInt64().ToString("N0", CultureInfo.InvariantCulture) : "0";
}
