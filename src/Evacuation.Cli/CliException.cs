namespace Evacuation.Cli;

/// <summary>A failure to report as one line, with a non-zero exit code.</summary>
public sealed class CliException(string message) : Exception(message);
