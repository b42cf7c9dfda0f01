using Spectre.Console.Cli;

namespace Evacuation.Cli;

/// <summary><c>evac broadcast status ID [--wait]</c>.</summary>
public sealed class BroadcastStatusCommand(Terminal terminal, OperatorApi api) : AsyncCommand<StatusSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StatusSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Wait)
        {
            await Broadcasts.FollowAsync(terminal, api, settings.Id, cancellationToken);
        }
        else
        {
            Broadcasts.WriteCounters(terminal.Console, await api.GetAsync("/api/broadcasts/" + Uri.EscapeDataString(settings.Id), cancellationToken));
        }
        return ExitCodes.Ok;
    }
}
