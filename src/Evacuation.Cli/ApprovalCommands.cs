using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Evacuation.Cli;

public sealed class DecisionSettings : CommandSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The broadcast waiting for approval, as printed when it was asked for.")]
    public string Id { get; init; } = "";

    [CommandOption("--reason <TEXT>")]
    [Description("Why it is rejected (reject only; optional).")]
    public string? Reason { get; init; }

    [CommandOption("--wait")]
    [Description("After approving, follow the broadcast with a live progress bar until everything is sent or failed.")]
    public bool Wait { get; init; }
}

/// <summary>
/// <c>evac broadcast approve ID [--wait]</c> and <c>evac broadcast reject ID [--reason R]</c>: the second operator's
/// decision. What is decided on (who asked, the estimate, the English text) is printed first.
/// </summary>
public sealed class ApproveCommand(Terminal terminal, OperatorApi api) : AsyncCommand<DecisionSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DecisionSettings settings, CancellationToken cancellationToken)
    {
        await Approvals.DecideAsync(terminal, api, settings.Id, "approve", null, cancellationToken);
        if (settings.Wait)
        {
            await Broadcasts.FollowAsync(terminal, api, settings.Id, cancellationToken);
        }
        return ExitCodes.Ok;
    }
}

public sealed class RejectCommand(Terminal terminal, OperatorApi api) : AsyncCommand<DecisionSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DecisionSettings settings, CancellationToken cancellationToken)
    {
        await Approvals.DecideAsync(terminal, api, settings.Id, "reject", settings.Reason, cancellationToken);
        return ExitCodes.Ok;
    }
}

static class Approvals
{
    public static async Task DecideAsync(Terminal terminal, OperatorApi api, string id, string decision, string? reason, CancellationToken cancellationToken)
    {
        var path = "/api/broadcasts/" + Uri.EscapeDataString(id);
        var broadcast = await api.GetAsync(path, cancellationToken);
        if (broadcast.TryGetProperty("approval", out var approval))
        {
            Write(terminal.Console, broadcast, approval);
        }
        var decided = await api.PostAsync($"{path}/{decision}", new { reason }, cancellationToken);
        terminal.Console.MarkupLine($"broadcast [bold]{Markup.Escape(id)}[/] {(decision == "approve" ? "approved" : "rejected")}: now {Markup.Escape(decided.GetProperty("state").GetString() ?? "")}");
    }

    static void Write(IAnsiConsole console, JsonElement broadcast, JsonElement approval)
    {
        console.MarkupLine(Markup.Escape(
            $"{broadcast.GetProperty("kind").GetString()} asked for by {approval.GetProperty("requestedBy").GetString()}, " +
            $"waiting until {Cases.Time(approval.GetProperty("expiresAt"))}"));
        if (approval.TryGetProperty("estimate", out var estimate) && estimate.ValueKind == JsonValueKind.Object)
        {
            Broadcasts.WriteEstimate(console, estimate);
        }
        if (approval.GetProperty("text").TryGetProperty("en", out var english))
        {
            console.MarkupLine("[bold]en:[/] " + Markup.Escape(english.GetString() ?? ""));
        }
    }
}
