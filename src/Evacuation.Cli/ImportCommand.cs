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
        var rejectedTotal = Total(answer, "rejectedTotal", rejected);
        terminal.Console.MarkupLine(
            $"imported [bold green]{N(answer, "imported")}[/], updated [bold]{N(answer, "updated")}[/], " +
            $"unchanged {N(answer, "unchanged")}, rejected [bold {(rejectedTotal > 0 ? "red" : "default")}]{rejectedTotal.ToString("N0", CultureInfo.InvariantCulture)}[/]");
        WriteLines(terminal.Console, "Rejected lines", rejected, "reason", rejectedTotal);
        if (answer.TryGetProperty("warnings", out var warnings))
        {
            WriteLines(terminal.Console, "Warnings", warnings, "message", Total(answer, "warningsTotal", warnings));
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

    /// <summary>The service lists the first 1,000 and counts them all; older services sent only the list.</summary>
    static int Total(JsonElement answer, string name, JsonElement shown) =>
        answer.TryGetProperty(name, out var total) && total.ValueKind == JsonValueKind.Number ? total.GetInt32() : shown.GetArrayLength();

    static void WriteLines(IAnsiConsole console, string title, JsonElement lines, string text, int total)
    {
        if (lines.GetArrayLength() == 0)
        {
            return;
        }
        var more = total - lines.GetArrayLength();
        var table = new Table().Border(TableBorder.Rounded).Title(more > 0 ? string.Create(CultureInfo.InvariantCulture, $"{title} (the first {lines.GetArrayLength():N0} of {total:N0})") : title);
        table.AddColumn(new TableColumn("Line").RightAligned());
        table.AddColumn(text == "reason" ? "Reason" : "Message");
        foreach (var line in lines.EnumerateArray())
        {
            table.AddRow(new Text(line.GetProperty("line").ToString()), new Text(line.GetProperty(text).GetString() ?? ""));
        }
        console.Write(table);
    }

    static string N(JsonElement answer, string name) =>
        answer.TryGetProperty(name, out var value) ? value.GetInt64().ToString("N0", CultureInfo.InvariantCulture) : "0";
}
