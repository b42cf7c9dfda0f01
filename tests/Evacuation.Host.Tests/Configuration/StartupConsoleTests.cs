using System.Diagnostics;

namespace Evacuation.Host.Tests.Configuration;

/// <summary>
/// Runs the service's own build output as <c>dotnet run --project src/Evacuation.Host</c> does: started from the
/// repository root (or any other folder), with the launch profile's Development environment. The console at the
/// default level shows what an operator needs and no SQL.
/// </summary>
public sealed class StartupConsoleTests
{
    [Fact]
    public async Task Started_from_the_repository_root_the_console_shows_start_up_lines_and_no_sql()
    {
        var folder = Directory.CreateTempSubdirectory("evac-console-");
        try
        {
            var lines = await RunUntilStartedAsync(StartupPaths.RepositoryRoot(), ("ConnectionStrings__Evacuation", $"Data Source={Path.Combine(folder.FullName, "evacuation.db")}"));
            var text = string.Join('\n', lines);

            Assert.Contains("Database: SQLite " + Path.Combine(folder.FullName, "evacuation.db"), text);
            Assert.Contains("an Admin key was created", text);
            Assert.Contains("Telegram channel: SANDBOX", text);
            Assert.Contains("Sms channel: SANDBOX", text);
            Assert.Contains("Now listening on: http://127.0.0.1:", text);
            Assert.Contains("Dashboard: http://127.0.0.1:", text);
            Assert.DoesNotContain("Executed DbCommand", text);
            Assert.DoesNotContain("SELECT", text);
            Assert.DoesNotContain("Microsoft.EntityFrameworkCore", text);
            Assert.DoesNotContain("info: Quartz", text);
            Assert.True(lines.Count < 40, $"{lines.Count} lines:\n{text}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_default_database_file_is_made_in_the_working_directory()
    {
        var folder = Directory.CreateTempSubdirectory("evac-cwd-");
        try
        {
            var lines = await RunUntilStartedAsync(folder.FullName);

            Assert.True(File.Exists(Path.Combine(folder.FullName, "evacuation.db")), string.Join('\n', lines));
            Assert.Contains(lines, l => l.Contains("Database: SQLite " + Path.Combine(folder.FullName, "evacuation.db"), StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The lines printed until the service says where its dashboard is (it then listens and is idle); then it is stopped.</summary>
    static async Task<List<string>> RunUntilStartedAsync(string workingDirectory, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(StartupPaths.HostDll());
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // as the launch profile sets it for dotnet run
        start.Environment.Remove("ConnectionStrings__Evacuation");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var lines = new List<string>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (lines)
            {
                lines.Add(e.Data);
            }
            if (e.Data.Contains("Dashboard: http", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // A bound on a hang, not a timing assertion: start-up takes a few seconds.
            await Task.WhenAny(started.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromSeconds(90));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        lock (lines)
        {
            Assert.True(started.Task.IsCompleted, "the service did not finish starting:\n" + string.Join('\n', lines));
            return [.. lines];
        }
    }

}
