using Spectre.Console.Cli;

namespace Evacuation.Cli;

/// <summary>The <c>evac</c> command tree (docs/api.md, "The CLI"). Program.cs and the tests both run it through <see cref="RunAsync"/>.</summary>
public static class EvacCli
{
    public static Task<int> RunAsync(Terminal terminal, OperatorApi api, string[] args, CancellationToken cancellationToken = default) =>
        RunAsync(terminal, api, Credentials.ForUser(), args, cancellationToken);

    public static async Task<int> RunAsync(Terminal terminal, OperatorApi api, Credentials credentials, string[] args, CancellationToken cancellationToken = default)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("evac");
            config.ConfigureConsole(terminal.Console);
            config.Settings.Registrar.RegisterInstance(terminal);
            config.Settings.Registrar.RegisterInstance(api);
            config.Settings.Registrar.RegisterInstance(credentials);
            config.SetExceptionHandler((exception, _) => Fail(terminal, exception));
            config.AddExample("stats");
            config.AddExample("broadcast", "advisory", "--region", "Lviv", "--dry-run");

            config.AddBranch("citizens", citizens =>
            {
                citizens.SetDescription("The citizen registry.");
                citizens.AddCommand<ImportCommand>("import")
                    .WithDescription("Import consular records from a CSV file; prints imported/updated/rejected and lists rejected lines.")
                    .WithExample("citizens", "import", "citizens.csv");
            });
            config.AddBranch("broadcast", broadcast =>
            {
                broadcast.SetDescription("Send advisories and route instructions, and follow their progress.");
                broadcast.AddCommand<AdvisoryCommand>("advisory")
                    .WithDescription("Send the leave-now advisory (built-in template in each citizen's language).")
                    .WithExample("broadcast", "advisory", "--region", "Lviv", "--status", "Unconfirmed", "--dry-run")
                    .WithExample("broadcast", "advisory", "--channels", "Sms", "--wait");
                broadcast.AddCommand<RouteCommand>("route")
                    .WithDescription("Send each citizen the route to their assigned crossing.")
                    .WithExample("broadcast", "route", "--crossing", "PL-SHEGYNI", "--wait");
                broadcast.AddCommand<BroadcastStatusCommand>("status")
                    .WithDescription("Show a broadcast's counters; --wait follows it with a live progress bar until everything is sent or failed.")
                    .WithExample("broadcast", "status", "0193c0de-0000-7000-8000-000000000000", "--wait");
                AddApprovals(broadcast);
            });
            AddCases(config);
            config.AddCommand<StatsCommand>("stats")
                .WithDescription("Citizens by journey status and region, and the estimated people still in the country.");
            config.AddBranch("keys", keys =>
            {
                keys.SetDescription("Operator keys (Admin): list, create, revoke.");
                keys.AddCommand<KeysListCommand>("list").WithDescription("Every key: name, role, source, created, last used, revoked; never a secret.");
                keys.AddCommand<KeysCreateCommand>("create")
                    .WithDescription("Create a key; it is printed once and cannot be shown again.")
                    .WithExample("keys", "create", "wall-screen", "--role", "Viewer");
                keys.AddCommand<KeysRevokeCommand>("revoke")
                    .WithDescription("Revoke a key by id or name; refused on every node within a second.")
                    .WithExample("keys", "revoke", "wall-screen");
            });
            config.AddBranch("report", report =>
            {
                report.SetDescription("Reports for duty officers.");
                report.AddCommand<UnconfirmedCommand>("unconfirmed")
                    .WithDescription("CSV of citizens not yet departed, to stdout or to a file.")
                    .WithExample("report", "unconfirmed", "-o", "unconfirmed.csv");
            });
            AddFirstHour(config);
        });
        return await app.RunAsync(args, cancellationToken);
    }

    /// <summary>Signing in once, and rehearsing with a drill.</summary>
    static void AddFirstHour(IConfigurator config)
    {
        config.AddCommand<LoginCommand>("login")
            .WithDescription("Store the service's address and your operator key for this user (file readable only by you); EVAC_URL and EVAC_API_KEY still win.")
            .WithExample("login", "--url", "http://127.0.0.1:5080");
        config.AddCommand<DrillCommand>("drill")
            .WithDescription("Rehearse: seed demo citizens, advise them and simulate their answers over time, live; --clean removes them (Admin key).")
            .WithExample("drill", "--citizens", "500", "--minutes", "10", "--close-crossing")
            .WithExample("drill", "--clean");
    }

    /// <summary>The second operator's commands (two-person approval of large live broadcasts).</summary>
    static void AddApprovals(IConfigurator<CommandSettings> broadcast)
    {
        broadcast.AddCommand<ApproveCommand>("approve")
            .WithDescription("Approve a broadcast another operator asked for (it waits in AwaitingApproval); prints what it sends first.")
            .WithExample("broadcast", "approve", "0193c0de-0000-7000-8000-000000000000", "--wait");
        broadcast.AddCommand<RejectCommand>("reject")
            .WithDescription("Reject a broadcast waiting for approval; nothing is sent.")
            .WithExample("broadcast", "reject", "0193c0de-0000-7000-8000-000000000000", "--reason", "wrong region");
    }

    static void AddCases(IConfigurator config) =>
        config.AddBranch("cases", cases =>
        {
            cases.SetDescription("Help cases: every call for help, until an officer resolves it.");
            cases.AddCommand<CaseListCommand>("list")
                .WithDescription("Cases waiting for someone and being handled, oldest first (--state all for every case).");
            cases.AddCommand<CaseTakeCommand>("take")
                .WithDescription("Take the case that has waited longest (or the one given): it is yours; prints whom to call and what happened.")
                .WithExample("cases", "take")
                .WithExample("cases", "take", "12", "--take-over");
            cases.AddCommand<CaseResolveCommand>("resolve")
                .WithDescription("Resolve a case, saying how it ended.")
                .WithExample("cases", "resolve", "12", "--note", "reached by phone, on a bus to Shehyni");
        });

    /// <summary>Every failure is one line on stderr and an exit code that says what kind of failure it was.</summary>
    static int Fail(Terminal terminal, Exception exception)
    {
        var (message, code) = exception switch
        {
            CliException e => (e.Message, e.ExitCode),
            CommandParseException or CommandRuntimeException => (exception.Message + "; run 'evac --help'", ExitCodes.Usage),
            OperationCanceledException => ("cancelled", ExitCodes.Failed),
            _ => (exception.Message, ExitCodes.Failed),
        };
        terminal.Error.WriteLine("evac: " + message.ReplaceLineEndings(" "));
        return code;
    }
}
