namespace Evacuation.Host.Tests;

/// <summary>Where the repository and the service's own build output are, seen from the tests' output folder.</summary>
public static class StartupPaths
{
    /// <summary>The folder holding Evacuation.sln, above the test's own output folder.</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Evacuation.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Evacuation.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The service's own build output (what dotnet run starts), in the configuration these tests were built in.</summary>
    public static string HostDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        return Path.Combine(RepositoryRoot(), "src", "Evacuation.Host", "bin", configuration, "net10.0", "Evacuation.Host.dll");
    }
}
