using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Evacuation.Cli;

/// <summary><c>evac report unconfirmed [-o FILE]</c>: the CSV streamed to stdout byte for byte, or to a file.</summary>
public sealed class UnconfirmedCommand(Terminal terminal, OperatorApi api) : AsyncCommand<UnconfirmedCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("Write the CSV to this file instead of stdout.")]
        public string? Output { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var response = await api.OpenAsync("/api/reports/unconfirmed", cancellationToken);
        await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
        if (settings.Output is null)
        {
            await source.CopyToAsync(terminal.Output, cancellationToken);
            await terminal.Output.FlushAsync(cancellationToken);
            return ExitCodes.Ok;
        }
        FileStream target;
        try
        {
            target = File.Create(settings.Output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot write {settings.Output}: {e.Message}", ExitCodes.BadFile);
        }
        await using (target)
        {
            await source.CopyToAsync(target, cancellationToken);
            terminal.Console.MarkupLine($"written [bold]{Markup.Escape(settings.Output)}[/] ({target.Length:N0} bytes)");
        }
        return ExitCodes.Ok;
    }
}
