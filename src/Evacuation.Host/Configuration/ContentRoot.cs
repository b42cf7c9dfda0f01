namespace Evacuation.Host.Configuration;

/// <summary>
/// Where the service reads its own files (appsettings.json): the application's folder, wherever it is started from,
/// unless <c>--contentRoot</c> (or ASPNETCORE_CONTENTROOT / DOTNET_CONTENTROOT) names another. The working directory
/// still holds what an operator expects there: the default SQLite file <c>evacuation.db</c>, whose relative
/// Data Source SQLite resolves against the process's working directory.
/// </summary>
/// <remarks>
/// ASP.NET Core's default content root is the working directory
/// (https://learn.microsoft.com/aspnet/core/fundamentals/#content-root), so <c>dotnet run --project src/Evacuation.Host</c>
/// from the repository root would not read the project's appsettings.json and its log levels.
/// </remarks>
public static class ContentRoot
{
    public static WebApplicationOptions For(string[] args) => new()
    {
        Args = args,
        ContentRootPath = IsGiven(args) ? null : AppContext.BaseDirectory,
    };

    static bool IsGiven(string[] args) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT")) ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT")) ||
        args.Any(NamesContentRoot);

    /// <summary>The command-line forms .NET configuration reads: <c>--contentRoot=x</c>, <c>--contentRoot x</c>, <c>/contentRoot x</c>, <c>contentRoot=x</c>.</summary>
    static bool NamesContentRoot(string arg)
    {
        var key = arg.TrimStart('-', '/');
        var equals = key.IndexOf('=', StringComparison.Ordinal);
        return (equals < 0 ? key : key[..equals]).Equals("contentRoot", StringComparison.OrdinalIgnoreCase);
    }
}
