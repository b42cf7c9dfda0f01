namespace Evacuation.Core.Routes;

/// <summary>
/// The crossings file cannot be used. The message names the file, the line at fault and the problem,
/// e.g. "crossings.json line 42: crossing 'x' has no latitude", so an operator can fix it without a debugger.
/// </summary>
public sealed class CrossingsFileException : Exception
{
    public CrossingsFileException(string fileName, int line, string problem, Exception? inner = null)
        : base($"{fileName} line {line}: {problem}", inner)
    {
        FileName = fileName;
        Line = line;
        Problem = problem;
    }

    public string FileName { get; }

    /// <summary>1-based line number in the file.</summary>
    public int Line { get; }

    public string Problem { get; }
}
