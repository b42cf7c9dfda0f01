using System.Text;
using System.Text.Json;

namespace Evacuation.Cli;

/// <summary>The commands that exist so far. Broadcasts arrive with the delivery pipeline.</summary>
public static class Commands
{
    public const string Help = """
        evac: the Evacuation operator CLI (EVAC_URL, EVAC_API_KEY)

          evac citizens import FILE.csv     import consular records; prints imported/updated/rejected
          evac stats                        citizens by status and region
          evac report unconfirmed [-o FILE] CSV of citizens not yet departed (stdout or FILE)
        """;

    public static async Task<int> RunAsync(HttpClient http, string[] args) => args switch
    {
        ["citizens", "import", var file] => await ImportAsync(http, file),
        ["stats"] => await StatsAsync(http),
        ["report", "unconfirmed"] => await UnconfirmedAsync(http, null),
        ["report", "unconfirmed", "-o", var file] => await UnconfirmedAsync(http, file),
        _ => throw new CliException($"unknown command '{string.Join(' ', args)}'; run 'evac --help'"),
    };

    static async Task<int> ImportAsync(HttpClient http, string file)
    {
        if (!File.Exists(file))
        {
            throw new CliException($"no such file: {file}");
        }
        await using var stream = File.OpenRead(file);
        using var content = new StreamContent(stream);
        content.Headers.ContentType = new("text/csv");
        var body = await ReadAsync(await http.PostAsync("/api/citizens/import", content));
        Console.WriteLine($"imported {body.GetProperty("imported")}, updated {body.GetProperty("updated")}, unchanged {body.GetProperty("unchanged")}, rejected {body.GetProperty("rejected").GetArrayLength()}");
        foreach (var rejected in body.GetProperty("rejected").EnumerateArray())
        {
            Console.WriteLine($"  line {rejected.GetProperty("line")}: {rejected.GetProperty("reason").GetString()}");
        }
        return 0;
    }

    static async Task<int> StatsAsync(HttpClient http)
    {
        var stats = await ReadAsync(await http.GetAsync("/api/stats"));
        var statuses = stats.GetProperty("byStatus").EnumerateObject().Select(p => p.Name).ToList();
        var table = new StringBuilder();
        table.Append($"{"region",-24}").AppendJoin("", statuses.Select(s => $"{s,13}")).AppendLine();
        foreach (var region in stats.GetProperty("byRegion").EnumerateObject())
        {
            table.Append($"{region.Name,-24}").AppendJoin("", statuses.Select(s => $"{region.Value.GetProperty(s).GetInt32(),13}")).AppendLine();
        }
        table.Append($"{"all",-24}").AppendJoin("", statuses.Select(s => $"{stats.GetProperty("byStatus").GetProperty(s).GetInt32(),13}")).AppendLine();
        table.AppendLine($"citizens {stats.GetProperty("citizens")}, opted out {stats.GetProperty("optedOut")}, unreachable {stats.GetProperty("unreachable")}");
        Console.Write(table);
        return 0;
    }

    static async Task<int> UnconfirmedAsync(HttpClient http, string? file)
    {
        var response = await http.GetAsync("/api/reports/unconfirmed", HttpCompletionOption.ResponseHeadersRead);
        await FailUnlessOkAsync(response);
        await using var source = await response.Content.ReadAsStreamAsync();
        if (file is null)
        {
            await source.CopyToAsync(Console.OpenStandardOutput());
        }
        else
        {
            await using var target = File.Create(file);
            await source.CopyToAsync(target);
            Console.WriteLine($"written {file}");
        }
        return 0;
    }

    static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        await FailUnlessOkAsync(response);
        return await JsonSerializer.DeserializeAsync<JsonElement>(await response.Content.ReadAsStreamAsync());
    }

    static async Task FailUnlessOkAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var text = await response.Content.ReadAsStringAsync();
        string detail;
        try
        {
            detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString() ?? text;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            detail = text.Length > 200 ? text[..200] : text;
        }
        throw new CliException($"{(int)response.StatusCode} {response.ReasonPhrase}: {detail}");
    }
}
