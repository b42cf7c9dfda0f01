using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Evacuation.Cli;

/// <summary>Sending a broadcast and showing what comes back: the estimate, the counters, the live progress bar.</summary>
public static class Broadcasts
{
    /// <summary>Posts the request; prints the estimate; when sent, prints the id and with <paramref name="wait"/> follows it.</summary>
    public static async Task<int> SendAsync(Terminal terminal, OperatorApi api, object request, bool dryRun, bool wait, CancellationToken cancellationToken)
    {
        var answer = await api.PostAsync("/api/broadcasts", request, cancellationToken);
        WriteEstimate(terminal.Console, answer.GetProperty("estimate"));
        if (dryRun)
        {
            terminal.Console.MarkupLine("[yellow]dry run: nothing was sent[/]");
            return ExitCodes.Ok;
        }
        var id = answer.GetProperty("id").GetString()!;
        if (answer.TryGetProperty("state", out var state) && state.GetString() == "AwaitingApproval")
        {
            terminal.Console.MarkupLine(
                $"[yellow]broadcast [bold]{Markup.Escape(id)}[/] waits for a second operator[/] until {Markup.Escape(Cases.Time(answer.GetProperty("approvalExpiresAt")))}: " +
                $"nothing is sent until another key runs 'evac broadcast approve {Markup.Escape(id)}'");
        }
        else
        {
            terminal.Console.MarkupLine($"broadcast [bold]{Markup.Escape(id)}[/] queued for {N(answer.GetProperty("recipients").GetInt64())} recipients");
        }
        if (wait)
        {
            await FollowAsync(terminal, api, id, cancellationToken);
        }
        return ExitCodes.Ok;
    }

    public static void WriteEstimate(IAnsiConsole console, JsonElement estimate)
    {
        var byChannel = estimate.GetProperty("byChannel");
        console.MarkupLine(
            $"recipients [bold]{N(estimate.GetProperty("recipients").GetInt64())}[/]: " +
            $"{N(byChannel.GetProperty("telegram").GetInt64())} by Telegram, {N(byChannel.GetProperty("sms").GetInt64())} by SMS, " +
            $"{N(estimate.GetProperty("totalSmsSegments").GetInt64())} SMS segments in all");
        if (estimate.TryGetProperty("telegramStars", out var stars))
        {
            console.MarkupLine($"paid Telegram broadcast: about {stars.GetDecimal().ToString("0.#", CultureInfo.InvariantCulture)} Stars from the bot's balance");
        }
        WriteEta(console, estimate);
        var sms = estimate.GetProperty("sms");
        if (sms.GetArrayLength() == 0)
        {
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title("SMS per language");
        table.AddColumns("Language", "Encoding");
        table.AddColumn(new TableColumn("Segments each").RightAligned());
        table.AddColumn(new TableColumn("Recipients").RightAligned());
        table.AddColumn(new TableColumn("Segments").RightAligned());
        foreach (var line in sms.EnumerateArray())
        {
            table.AddRow(
                Markup.Escape(line.GetProperty("language").GetString() ?? ""),
                Markup.Escape(line.GetProperty("encoding").GetString() ?? ""),
                N(line.GetProperty("segments").GetInt64()),
                N(line.GetProperty("recipients").GetInt64()),
                N(line.GetProperty("totalSegments").GetInt64()));
        }
        console.Write(table);
        foreach (var line in sms.EnumerateArray().Where(l => l.GetProperty("encoding").GetString() == "UCS-2"))
        {
            var characters = line.GetProperty("ucs2Characters").EnumerateArray().Select(c => c.GetString()).ToList();
            var why = characters.Count > 0 ? $" because of {string.Join(' ', characters)}" : "";
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(line.GetProperty("language").GetString() ?? "")} is sent as UCS-2{Markup.Escape(why)}: 70 characters a segment instead of 160");
        }
    }

    /// <summary>Per channel, how long sending takes at the configured pacing, and what expiresAt would leave out.</summary>
    static void WriteEta(IAnsiConsole console, JsonElement estimate)
    {
        if (!estimate.TryGetProperty("eta", out var etas))
        {
            return;
        }
        foreach (var eta in etas.EnumerateArray().Where(e => e.GetProperty("recipients").GetInt64() > 0 && e.GetProperty("etaSeconds").ValueKind == JsonValueKind.Number))
        {
            var ahead = eta.GetProperty("unitsAhead").GetInt64();
            console.MarkupLine(Markup.Escape(
                $"{eta.GetProperty("channel").GetString()}: about {TimeSpan.FromSeconds(Math.Ceiling(eta.GetProperty("etaSeconds").GetDouble())):g} to reach everyone" +
                (ahead > 0 ? $" ({N(ahead)} queued ahead)" : "")));
        }
        foreach (var warning in estimate.GetProperty("warnings").EnumerateArray())
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning.GetString() ?? "")}");
        }
    }

    /// <summary>A live progress bar of recipients reached (sent, failed or cancelled), until the broadcast is done.</summary>
    public static async Task<JsonElement> FollowAsync(Terminal terminal, OperatorApi api, string id, CancellationToken cancellationToken)
    {
        var path = "/api/broadcasts/" + Uri.EscapeDataString(id);
        var progress = await api.GetAsync(path, cancellationToken);
        await terminal.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("sending", maxValue: Math.Max(1, progress.GetProperty("recipients").GetInt64()));
                while (true)
                {
                    task.Value = Reached(progress);
                    task.Description = Describe(progress);
                    if (IsDone(progress))
                    {
                        task.StopTask();
                        return;
                    }
                    await Task.Delay(api.PollInterval, cancellationToken);
                    progress = await api.GetAsync(path, cancellationToken);
                }
            });
        WriteCounters(terminal.Console, progress);
        return progress;
    }

    public static void WriteCounters(IAnsiConsole console, JsonElement progress)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Broadcast " + Markup.Escape(progress.GetProperty("id").GetString() ?? ""));
        table.AddColumns("State");
        string[] counters = ["recipients", "pending", "sent", "delivered", "failed", "confirmed"];
        foreach (var counter in counters)
        {
            table.AddColumn(new TableColumn(counter).RightAligned());
        }
        table.AddRow([Markup.Escape(progress.GetProperty("state").GetString() ?? ""), .. counters.Select(c => N(progress.GetProperty(c).GetInt64()))]);
        console.Write(table);
    }

    /// <summary>Done when the service says so, or when nothing is left pending once sending began.</summary>
    static bool IsDone(JsonElement progress) =>
        progress.GetProperty("state").GetString() is "Completed" or "Cancelled" or "Missed" or "Rejected" or "ApprovalExpired" or "Failed"
        || (progress.GetProperty("state").GetString() == "Sending" && progress.GetProperty("pending").GetInt64() == 0);

    static long Reached(JsonElement progress) =>
        progress.GetProperty("sent").GetInt64() + progress.GetProperty("failed").GetInt64()
        + (progress.TryGetProperty("cancelled", out var cancelled) ? cancelled.GetInt64() : 0);

    static string Describe(JsonElement progress) =>
        $"{Markup.Escape(progress.GetProperty("state").GetString() ?? "")}: sent {N(progress.GetProperty("sent").GetInt64())}, failed {N(progress.GetProperty("failed").GetInt64())}";

    static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
