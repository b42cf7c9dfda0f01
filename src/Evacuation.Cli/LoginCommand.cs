using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Evacuation.Cli;

public sealed class LoginSettings : CommandSettings
{
    [CommandOption("--url <URL>")]
    [Description("The service's address. Default: EVAC_URL, else http://127.0.0.1:5080.")]
    public string? Url { get; init; }
}

/// <summary>
/// <c>evac login</c>: asks for the operator key (typed without echo, or read from standard input), checks it with the
/// service, and stores address and key for this user (<see cref="Credentials"/>), so later commands need no
/// EVAC_API_KEY in every shell.
/// </summary>
public sealed class LoginCommand(Terminal terminal, OperatorApi api, Credentials credentials) : AsyncCommand<LoginSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LoginSettings settings, CancellationToken cancellationToken)
    {
        var url = settings.Url ?? api.Url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--url must be an http or https address (got '{url}')", ExitCodes.Usage);
        }
        var key = ReadKey();
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new CliException("no key given; paste the operator key when asked", ExitCodes.Usage);
        }
        var me = await api.With(url, key.Trim()).GetAsync("/api/me", cancellationToken);
        credentials.Save(new Credentials.Saved(url, key.Trim()));
        terminal.Console.MarkupLine($"signed in to {Markup.Escape(url)} as [bold]{Markup.Escape(me.GetProperty("name").GetString() ?? "")}[/] ({Markup.Escape(me.GetProperty("role").GetString() ?? "")}); saved in {Markup.Escape(credentials.File)}");
        return ExitCodes.Ok;
    }

    string? ReadKey() =>
        terminal.Console.Profile.Capabilities.Interactive
            ? terminal.Console.Prompt(new TextPrompt<string>("Operator key:").Secret())
            : terminal.Input.ReadLine();
}
