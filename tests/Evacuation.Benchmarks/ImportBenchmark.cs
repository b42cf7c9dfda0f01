using System.Diagnostics;
using System.Text;
using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Host.Citizens;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Benchmarks;

/// <summary>
/// CSV import of <c>rows</c> consular records into a fresh SQLite file, through the same code the
/// <c>POST /api/citizens/import</c> endpoint runs. Reports rows/second and the process's peak working set.
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
            var options = new DbContextOptionsBuilder<SqliteEvacuationDb>()
                .UseSqlite($"Data Source={Path.Combine(folder.FullName, "evacuation.db")}")
                .Options;
            await using var db = new SqliteEvacuationDb(options);
            await Storage.PrepareAsync(db, CancellationToken.None);
            var crossings = CrossingsFile.Load(CrossingsFile.ShippedPath);
            var rules = new CitizenRules("UA", crossings.Regions);
            var registry = new CitizenRegistry(db, TimeProvider.System, new Host.Routes.CrossingPlanner(crossings, TimeProvider.System));
            db.ChangeTracker.AutoDetectChangesEnabled = false;

            GC.Collect();
            var stopwatch = Stopwatch.StartNew();
            // Read as the HTTP endpoint reads a request body: asynchronously, in large chunks.
            await using var file = new FileStream(csvPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            var (answer, problem) = await CitizenImport.ImportAsync(reader, rules, registry, "benchmark", CancellationToken.None);
            stopwatch.Stop();
            if (answer is null)
            {
                Console.Error.WriteLine($"import refused: {problem}");
                return 1;
            }
            var stored = await db.Citizens.CountAsync();
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
            Console.WriteLine($"import: {rows:N0} rows in {stopwatch.Elapsed.TotalSeconds:F2} s = {rows / stopwatch.Elapsed.TotalSeconds:N0} rows/s; "
                + $"imported {answer.Imported:N0}, rejected {answer.Rejected.Count:N0}, stored {stored:N0}; peak working set {peakMb:F0} MB");
            return stored == rows ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
