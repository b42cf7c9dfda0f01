using System.Diagnostics;

namespace Evacuation.Host.Tests.Configuration;

/// <summary>Runs the real service executable, as an administrator would, with one bad setting at a time.</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("Citizens:DefaultRegion", "XX")]
    [InlineData("Reminders:MaxReminders", "0")]
    [InlineData("Reminders:Cron", "every hour")]
    [InlineData("Reminders:Cron", "0 0 25 * * ?")]
    [InlineData("Reminders:OnTheWayInterval", "00:30:00")]
    [InlineData("Broadcasts:MaxLateness", "00:00:10")]
    [InlineData("Reminders:MinimumInterval", "00:00:01")]
    [InlineData("Routes:File", "/nowhere/crossings.json")]
    [InlineData("Storage:Provider", "Oracle")]
    [InlineData("Operators:ApiKeys:0:Key", "short")]
    [InlineData("Operators:ApiKeys:0:Key", "a-key-of-31-characters-01234567")]
    [InlineData("Operators:ApiKeys:0:Key", "<long-random-key-1>")]
    [InlineData("Telegram:WebhookSecret", "<random-secret-for-webhook-mode>")]
    [InlineData("Reminders:MaxReminders", "many")]
    [InlineData("Messages:SenderName", "Посольство Израиля")]
    [InlineData("Messages:SenderName", "The Embassy of the State of Israel in Kyiv")]
    [InlineData("Messages:SenderNames:fr", "Ambassade")]
    [InlineData("Messages:Hotline", "call the embassy")]
    [InlineData("Web:PublicBaseUrl", "evac.example.org")]
    [InlineData("Web:PublicBaseUrl", "https://евак.example.org")]
    [InlineData("Limits:PerLinkPerMinute", "0")]
    [InlineData("Logging:Format", "xml")]
    [InlineData("Cluster:RoleLease", "00:00:01")]
    [InlineData("Cluster:NodeName", "node one")]
    [InlineData("Proxy:TrustedProxies:0", "proxy.example.org")]
    public async Task A_bad_setting_stops_start_up_with_one_line_that_names_the_key(string key, string value)
    {
        var folder = Directory.CreateTempSubdirectory("evac-start-");
        try
        {
            var (exitCode, stdout, stderr) = await RunHostAsync(
                folder.FullName,
                "--urls=http://127.0.0.1:0",
                "--Operators:ApiKeys:0:Name=test",
                "--Operators:ApiKeys:0:Key=a-good-long-test-key-0123456789abcdef",
                $"--{key}={value}"); // last, so it overrides the good defaults before it
            Assert.True(exitCode == 1, $"exit code {exitCode}\n{stdout}\n{stderr}");
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var line = Assert.Single(lines);
            Assert.StartsWith("Configuration error: ", line);
            Assert.Contains(key, line);
            Assert.DoesNotContain("   at ", stdout + stderr);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    static async Task<(int ExitCode, string Stdout, string Stderr)> RunHostAsync(string workingDirectory, params string[] args)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Evacuation.Host.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(host);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ConnectionStrings__Evacuation"] = $"Data Source={Path.Combine(workingDirectory, "evacuation.db")}";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a host that never stops would be the failure
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the service kept running despite a bad setting");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
