using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Evacuation.Cli;

/// <summary>Options every sending command shares.</summary>
public class SendSettings : CommandSettings
{
    [CommandOption("--wait")]
    [Description("Follow the broadcast with a live progress bar until everything is sent or failed.")]
    public bool Wait { get; init; }

    [CommandOption("--urgent")]
    [Description("Send ahead of bulk messages (priority 2, as re-routes).")]
    public bool Urgent { get; init; }

    [CommandOption("--expires-at <WHEN>")]
    [Description("Deliver nothing after this: a time with its offset (2026-12-06T18:00+02:00, or Z) or a time from now (90m, 2h, 1d). Default: never expires.")]
    public string? ExpiresAt { get; init; }

    /// <summary><see cref="ExpiresAt"/> as an instant (checked by <see cref="Validate"/>), or null.</summary>
    public DateTimeOffset? ExpiresAtInstant(DateTimeOffset now) =>
        ExpiresAt is null ? null : ExpiryOption.Parse(ExpiresAt, now, out _);

    public override ValidationResult Validate()
    {
        if (ExpiresAt is not null && ExpiryOption.Parse(ExpiresAt, DateTimeOffset.UtcNow, out var error) is null)
        {
            return ValidationResult.Error(error!);
        }
        return ValidationResult.Success();
    }
}

public sealed class AdvisorySettings : SendSettings
{
    [CommandOption("--region <REGION>")]
    [Description("Only citizens in this region (repeat for several). Default: every region.")]
    public string[] Regions { get; init; } = [];

    [CommandOption("--status <STATUS>")]
    [Description("Only citizens with this journey status: Unconfirmed, OnTheWay, Departed, Staying, NeedsHelp (repeat for several). Default: everyone not opted out.")]
    public string[] Statuses { get; init; } = [];

    [CommandOption("--channels <CHANNELS>")]
    [Description("Preferred (Telegram, else SMS), Both, Telegram or Sms.")]
    [DefaultValue("Preferred")]
    public string Channels { get; init; } = "Preferred";

    [CommandOption("--dry-run")]
    [Description("Show the estimate (recipients, SMS segments per language) and send nothing.")]
    public bool DryRun { get; init; }
}

public sealed class RouteSettings : SendSettings
{
    [CommandOption("--crossing <ID>")]
    [Description("Only citizens assigned to this crossing. Default: everyone not opted out.")]
    public string? Crossing { get; init; }

    [CommandOption("--dry-run")]
    [Description("Show the estimate and send nothing.")]
    public bool DryRun { get; init; }
}

public sealed class StatusSettings : CommandSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The broadcast's id, as printed when it was sent.")]
    public string Id { get; init; } = "";

    [CommandOption("--wait")]
    [Description("Follow the broadcast with a live progress bar until everything is sent or failed.")]
    public bool Wait { get; init; }
}
