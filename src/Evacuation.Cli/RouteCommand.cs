using Spectre.Console.Cli;

namespace Evacuation.Cli;

/// <summary><c>evac broadcast route [--crossing ID] [--urgent] [--expires-at WHEN] [--dry-run] [--wait]</c>: route instructions, to one crossing's citizens or to all.</summary>
public sealed class RouteCommand(Terminal terminal, OperatorApi api) : AsyncCommand<RouteSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RouteSettings settings, CancellationToken cancellationToken) =>
        Broadcasts.SendAsync(terminal, api, new
        {
            kind = "RouteInstructions",
            audience = new { crossings = settings.Crossing is null ? Array.Empty<string>() : [settings.Crossing] },
            urgent = settings.Urgent,
            expiresAt = settings.ExpiresAtInstant(DateTimeOffset.UtcNow),
            dryRun = settings.DryRun,
        }, settings.DryRun, settings.Wait, cancellationToken);
}
