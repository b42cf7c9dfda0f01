using System.Diagnostics;

namespace Evacuation.Cli.Tests;

/// <summary>What the README tells a newcomer: pack the CLI, install it as a .NET tool from the local folder, run it.</summary>
public sealed class ToolPackageTests
{
    [Fact]
    public async Task The_cli_packs_as_a_dotnet_tool_that_installs_into_a_tool_path_and_runs()
    {
        var folder = Directory.CreateTempSubdirectory("evac-tool-");
        try
        {
            var artifacts = Path.Combine(folder.FullName, "artifacts");
            var tools = Path.Combine(folder.FullName, "tools");
            await RunAsync("dotnet", "pack", CopyOfTheCli(Path.Combine(folder.FullName, "clone")), "-o", artifacts);
            Assert.Single(Directory.GetFiles(artifacts, "Evacuation.Cli.*.nupkg"));
            await RunAsync("dotnet", "tool", "install", "--tool-path", tools, "--add-source", artifacts, "Evacuation.Cli");

            var help = await RunAsync(Path.Combine(tools, "evac"), "--help");

            Assert.Contains("USAGE:", help);
            Assert.Contains("drill", help);
            Assert.Contains("login", help);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The CLI's sources and the build files above them, as a fresh clone has them (no bin/obj of this build).</summary>
    static string CopyOfTheCli(string clone)
    {
        var root = RepositoryRoot();
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            Directory.CreateDirectory(clone);
            File.Copy(Path.Combine(root, file), Path.Combine(clone, file));
        }
        var from = Path.Combine(root, "src", "Evacuation.Cli");
        var to = Path.Combine(clone, "src", "Evacuation.Cli");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
        return to;
    }

    static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("EVAC_API_KEY");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5)); // a bound on a hang: pack builds the CLI
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)}: exit {process.ExitCode}\n{await stdout}\n{await stderr}");
        return await stdout;
    }

    static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Evacuation.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Evacuation.sln not found above " + AppContext.BaseDirectory);
    }
}
