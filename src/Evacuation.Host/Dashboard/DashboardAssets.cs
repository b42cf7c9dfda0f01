namespace Evacuation.Host.Dashboard;

/// <summary>
/// The dashboard's page, script and style, embedded in the service's assembly so the page is served the same
/// whichever directory the service was started from, and never from a CDN.
/// </summary>
public static class DashboardAssets
{
    static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    /// <summary>The file's bytes and content type, or null when the dashboard has no such file.</summary>
    public static (byte[] Bytes, string ContentType)? Find(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal)
            || !ContentTypes.TryGetValue(Path.GetExtension(name), out var type))
        {
            return null;
        }
        var assembly = typeof(DashboardAssets).Assembly;
        using var stream = assembly.GetManifestResourceStream("Dashboard/" + name);
        if (stream is null)
        {
            return null;
        }
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return (copy.ToArray(), type);
    }

    /// <summary>Names of the embedded files, for tests.</summary>
    public static IEnumerable<string> Names =>
        typeof(DashboardAssets).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Dashboard/", StringComparison.Ordinal))
            .Select(n => n["Dashboard/".Length..]);
}
