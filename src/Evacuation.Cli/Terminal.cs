using Spectre.Console;

namespace Evacuation.Cli;

/// <summary>
/// Where the CLI writes: tables and progress to <see cref="Console"/>, raw data (the CSV report) byte for byte
/// to <see cref="Output"/>, and the one-line error to <see cref="Error"/>; <see cref="Input"/> is read when a key is
/// piped to <c>evac login</c>.
/// </summary>
public sealed record Terminal(IAnsiConsole Console, Stream Output, TextWriter Error)
{
    public TextReader Input { get; init; } = TextReader.Null;
}
