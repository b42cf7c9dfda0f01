using Spectre.Console.Cli;

namespace Evacuation.Cli;

/// <summary><c>evac broadcast advisory [--region R] [--status S] [--channels C] [--urgent] [--expires-at WHEN] [--dry-run] [--wait]</c>.</summary>
public sealed class AdvisoryCommand(Terminal terminal, OperatorApi api) : AsyncCommand<AdvisorySettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, AdvisorySettings settings, CancellationToken cancellationToken) =>
        Broadcasts.SendAsync(terminal, api, new
        {
            kind = "Advisory",
            audience = new { statuses = settings.Statuses, regions = settings.Regions },
            channels = settings.Channels,
            urgent = settings.Urgent,
            expiresAt = settings.ExpiresAtInstant(DateTimeOffset.UtcNow),
            dryRun = settings.DryRun,
        }, settings.DryRun, settings.Wait, cancellationToken);
}
