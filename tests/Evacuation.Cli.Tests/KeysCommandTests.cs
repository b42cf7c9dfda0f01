namespace Evacuation.Cli.Tests;

public sealed class KeysCommandTests
{
    [Fact]
    public async Task An_admin_creates_lists_and_revokes_a_key_by_name_and_the_secret_is_printed_only_at_creation()
    {
        await using var host = await CliHost.StartAsync();

        var created = await host.RunAsync(CliHost.AdminKey, "keys", "create", "wall [red]screen[/]", "--role", "Viewer");
        Assert.Equal(0, created.ExitCode);
        var secret = created.Console.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("evac_", StringComparison.Ordinal));
        Assert.Contains("wall [red]screen[/]", created.Console);
        Assert.Equal(0, (await host.RunAsync(secret, "stats")).ExitCode);

        var listed = await host.RunAsync(CliHost.AdminKey, "keys", "list");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("wall [red]screen[/]", listed.Console);
        Assert.Contains("Configured", listed.Console);
        Assert.DoesNotContain(secret, listed.Console, StringComparison.Ordinal);

        var revoked = await host.RunAsync(CliHost.AdminKey, "keys", "revoke", "wall [red]screen[/]");
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(ExitCodes.Refused, (await host.RunAsync(secret, "stats")).ExitCode);
    }

    [Fact]
    public async Task An_operator_may_not_manage_keys_and_an_unknown_name_is_one_line()
    {
        await using var host = await CliHost.StartAsync();
        var refused = await host.RunAsync(CliHost.OperatorKey, "keys", "list");
        Assert.Equal(ExitCodes.Refused, refused.ExitCode);
        Assert.StartsWith("evac: ", refused.Error);

        var unknown = await host.RunAsync(CliHost.AdminKey, "keys", "revoke", "nobody");
        Assert.Equal(ExitCodes.Failed, unknown.ExitCode);
        Assert.Contains("no active key is named 'nobody'", unknown.Error);
    }
}
