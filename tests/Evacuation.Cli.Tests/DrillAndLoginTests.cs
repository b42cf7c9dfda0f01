using System.Text;
using Evacuation.Cli;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Evacuation.Cli.Tests;

public sealed class DrillAndLoginTests
{
    [Fact]
    public async Task Evac_drill_follows_a_short_drill_to_its_end_and_clean_removes_it()
    {
        await using var host = await CliHost.StartAsync();

        var run = await host.RunAsync(CliHost.AdminKey, "drill", "--citizens", "40", "--minutes", "0.1");

        Assert.True(run.ExitCode == 0, run.Console + run.Error);
        Assert.Contains("DRILL", run.Console);
        Assert.Contains("40 demo citizens", run.Console);
        Assert.Contains("Finished", run.Console);
        Assert.Contains("Departed", run.Console);
        Assert.Contains("evac drill --clean", run.Console);
        await using (var db = host.Open())
        {
            Assert.Equal(40, await db.Citizens.CountAsync(c => c.DrillId != null));
        }

        var clean = await host.RunAsync(CliHost.AdminKey, "drill", "--clean");

        Assert.True(clean.ExitCode == 0, clean.Console + clean.Error);
        Assert.Contains("drill cleaned: 40 demo citizens", clean.Console);
        await using (var db = host.Open())
        {
            Assert.Equal(0, await db.Citizens.CountAsync());
        }
    }

    [Fact]
    public async Task Evac_drill_needs_an_admin_key_and_says_so()
    {
        await using var host = await CliHost.StartAsync();

        var run = await host.RunAsync(CliHost.OperatorKey, "drill", "--citizens", "10");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("evac: ", run.Error);
    }

    [Fact]
    public async Task Evac_login_checks_the_key_and_stores_it_for_the_user_only()
    {
        await using var host = await CliHost.StartAsync();
        var folder = Directory.CreateTempSubdirectory("evac-login-");
        try
        {
            var credentials = new Credentials(Path.Combine(folder.FullName, "evac"));

            var refused = await LoginAsync(host, credentials, "not-a-key-0000000000000000");
            Assert.Equal(ExitCodes.Refused, refused.Code);
            Assert.False(File.Exists(credentials.File));

            var signedIn = await LoginAsync(host, credentials, CliHost.OperatorKey);
            Assert.True(signedIn.Code == 0, signedIn.Console);
            Assert.Contains("duty-officer", signedIn.Console);
            Assert.Equal(new Credentials.Saved("http://localhost", CliHost.OperatorKey), credentials.Load());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentials.File));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    static async Task<(int Code, string Console)> LoginAsync(CliHost host, Credentials credentials, string key)
    {
        var console = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console),
        });
        var terminal = new Terminal(ansi, new MemoryStream(), new StringWriter()) { Input = new StringReader(key + "\n") };
        var api = new OperatorApi(null, "http://localhost") { Handler = () => host.Server.CreateHandler() };
        var code = await EvacCli.RunAsync(terminal, api, credentials, ["login"], TestContext.Current.CancellationToken);
        return (code, console.ToString());
    }
}
