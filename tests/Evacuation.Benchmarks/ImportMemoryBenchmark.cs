using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Evacuation.Benchmarks;

/// <summary>
/// The service as its own process (<c>dotnet Evacuation.Host.dll</c>, SQLite, sandbox channels) importing a file of
/// nothing but bad rows up to the 200 MB request limit: rows with bad phones, unknown languages, no address, fields
/// too long, broken quoting, and half of them also in unknown regions. Reports the process's peak resident set
/// (VmHWM, Linux) before and after; fails when the import peak reaches 300 MB or a row is stored.
/// </summary>
public static class ImportMemoryBenchmark
{
    const string Key = "benchmark-import-memory-key-0123456789abcdef";
    const double LimitMegabytes = 300;

    public static async Task<int> RunAsync(int megabytes = 199)
    {
        var folder = Directory.CreateTempSubdirectory("evac-bench-memory-");
        Process? service = null;
        try
        {
            var csv = Path.Combine(folder.FullName, "bad-rows.csv");
            var rows = await WriteBadRowsAsync(csv, megabytes * 1024L * 1024);
            var port = FreePort();
            service = Start(folder.FullName, port);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(30) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            await UntilHealthyAsync(client, service);
            var settled = Megabytes(service, "VmRSS");

            var clock = Stopwatch.StartNew();
            await using var file = File.OpenRead(csv);
            using var content = new StreamContent(file, 1 << 16);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var response = await client.PostAsync("/api/citizens/import", content);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            clock.Stop();
            var peak = Megabytes(service, "VmHWM");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Console.Error.WriteLine($"import-memory: refused {(int)response.StatusCode} {answer}");
                return 1;
            }
            var rejected = answer.GetProperty("rejectedTotal").GetInt32();
            var imported = answer.GetProperty("imported").GetInt32();
            Console.WriteLine($"import-memory: {new FileInfo(csv).Length / 1048576.0:F0} MB, {rows:N0} bad rows in {clock.Elapsed.TotalSeconds:F1} s "
                + $"({rows / clock.Elapsed.TotalSeconds:N0} rows/s); rejected {rejected:N0} (answer lists {answer.GetProperty("rejected").GetArrayLength():N0}), "
                + $"warnings {answer.GetProperty("warningsTotal").GetInt32():N0}, imported {imported}; service process peak resident {peak:F0} MB "
                + $"(settled before the import: {settled:F0} MB; limit {LimitMegabytes:F0} MB)");
            return peak < LimitMegabytes && imported == 0 && rejected == rows ? 0 : 1;
        }
        finally
        {
            if (service is { HasExited: false })
            {
                service.Kill(entireProcessTree: true);
                await service.WaitForExitAsync();
            }
            service?.Dispose();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Bad rows in turn until the file reaches <paramref name="bytes"/>; returns how many.</summary>
    static async Task<int> WriteBadRowsAsync(string path, long bytes)
    {
        var longName = new string('n', 250);
        string[] shapes =
        [
            "BAD-{0},Name {0},not-a-phone,,en,Lviv,1",
            "BAD-{0},Имя {0},+380501234567,,xx,Невідомщина,1",
            "BAD-{0},שם {0},,,he,Odesa,2",
            "BAD-{0}," + longName + ",+380501234568,,uk,Kyiv,1",
            "BAD-{0},\"broken \"quote\" {0}\",+380501234569,,ru,Nowhere,1",
            "BAD-{0},Name {0},+380501234570,12x,en,Lviv,-3",
        ];
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync("externalId,name,phone,telegramChatId,language,region,householdSize");
        var rows = 0;
        while (writer.BaseStream.Length < bytes - 1024)
        {
            await writer.WriteLineAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, shapes[rows % shapes.Length], rows));
            rows++;
            if (rows % 10_000 == 0)
            {
                await writer.FlushAsync();
            }
        }
        return rows;
    }

    /// <summary>The service's own entry point, as an operator would run it, from the build output next to this benchmark.</summary>
    static Process Start(string folder, int port)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Evacuation.Host.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Evacuation"] = $"Data Source={Path.Combine(folder, "evacuation.db")}";
        start.Environment["Operators__ApiKeys__0__Name"] = "benchmark";
        start.Environment["Operators__ApiKeys__0__Key"] = Key;
        start.Environment["Operators__ApiKeys__0__Role"] = "Operator";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  service: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    static async Task UntilHealthyAsync(HttpClient client, Process service)
    {
        for (var i = 0; i < 300 && !service.HasExited; i++)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    await Task.Delay(2000); // let start-up work (workers' first queries, JIT) finish before measuring
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException("the service did not start");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A line of /proc/PID/status (VmRSS now, VmHWM the peak), in MB.</summary>
    static double Megabytes(Process process, string field)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
