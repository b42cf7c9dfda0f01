using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks;

/// <summary>
/// CSV import of <c>rows</c> consular records: <c>POST /api/citizens/import</c> against the whole service on a fresh
/// SQLite file, the file streamed as the request body, once the service has finished starting. Reports rows/second
/// from the POST to its answer, and the process's peak working set.
/// </summary>
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(int rows = 100_000)
    {
        var folder = Directory.CreateTempSubdirectory("evac-bench-import-");
        try
        {
            var csvPath = Path.Combine(folder.FullName, "citizens.csv");
            await WriteCsvAsync(csvPath, rows);
            await using var host = await BenchmarkHost.StartAsync(0, []);
            using var client = host.CreateClient();
            client.Timeout = TimeSpan.FromMinutes(10);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchmarkHost.OperatorKey);

            var settled = await BenchmarkHost.SettleAsync();
            GC.Collect();
            var before = Process.GetCurrentProcess().WorkingSet64 / (1024.0 * 1024.0);
            var stopwatch = Stopwatch.StartNew();
            await using var file = new FileStream(csvPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            using var content = new StreamContent(file, 1 << 16);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var response = await client.PostAsync("/api/citizens/import", content);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            stopwatch.Stop();
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"import refused: {(int)response.StatusCode} {answer}");
                return 1;
            }
            int stored;
            await using (var db = host.OpenDb())
            {
                stored = await db.Citizens.CountAsync();
            }
            var imported = answer.GetProperty("imported").GetInt32();
            var rejected = answer.GetProperty("rejected").GetArrayLength();
            Console.WriteLine($"import: {rows:N0} rows in {stopwatch.Elapsed.TotalSeconds:F2} s = {rows / stopwatch.Elapsed.TotalSeconds:N0} rows/s; "
                + $"imported {imported:N0}, rejected {rejected:N0}, stored {stored:N0}; peak working set {BenchmarkHost.PeakMegabytes:F0} MB "
                + $"(the running service before the import: {before:F0} MB, started {settled.TotalSeconds:F1} s before)");
            return stored == rows ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    static async Task WriteCsvAsync(string path, int rows)
    {
        string[] languages = ["en", "he", "ru", "uk"];
        string[] regions = ["Kyiv", "Lviv", "Odesa", "Kharkiv", "Zakarpattia", "Chernivtsi", "Dnipro", "Vinnytsia"];
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        await writer.WriteLineAsync("externalId,name,phone,telegramChatId,language,region,householdSize");
        for (var i = 0; i < rows; i++)
        {
            var phone = i % 3 == 2 ? "" : $"+38050{i:D7}";
            var chat = i % 3 == 0 ? "" : (100_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await writer.WriteLineAsync($"CONS-{i:D6},\"Citizen {i}, household\",{phone},{chat},{languages[i % 4]},{regions[i % regions.Length]},{1 + i % 5}");
        }
    }
}
