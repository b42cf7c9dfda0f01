namespace Evacuation.Cli;

/// <summary>A failure to report as one line on stderr, with the exit code it deserves.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Failed) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
