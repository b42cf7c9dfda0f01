using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Evacuation.Benchmarks;

/// <summary>
/// An idle service (no citizens, nothing due) as an operator starts it, measured from outside over a minute:
/// database statements per second and the CPU the process uses. The service runs as its own process (the build next
/// to this program, or <c>--host PATH</c> for another build, e.g. an older one to compare), once on SQLite and, when
/// EVAC_TEST_POSTGRES is set, once on PostgreSQL. Two runs per database: one counts EF Core's statements from its
/// command log (and, on PostgreSQL, every transaction the server saw, the scheduler's included); one measures CPU with
/// the default logging, so writing the log costs nothing there.
/// </summary>
public static class IdleBenchmark
{
    static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string? hostDll, int seconds)
    {
        var host = hostDll ?? Path.Combine(AppContext.BaseDirectory, "Evacuation.Host.dll");
        var window = TimeSpan.FromSeconds(seconds);
        await MeasureAsync("SQLite", host, window, null);
        if (Environment.GetEnvironmentVariable("EVAC_TEST_POSTGRES") is { Length: > 0 } server)
        {
            var name = "evac_idle_" + Guid.NewGuid().ToString("N")[..12];
            var admin = new NpgsqlConnectionStringBuilder(server);
            await using (var connection = new NpgsqlConnection(admin.ConnectionString))
            {
                await connection.OpenAsync();
                await new NpgsqlCommand($"CREATE DATABASE {name}", connection).ExecuteNonQueryAsync();
            }
            try
            {
                await MeasureAsync("PostgreSQL", host, window, new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(admin.ConnectionString);
                await connection.OpenAsync();
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection).ExecuteNonQueryAsync();
            }
        }
        return 0;
    }

    static async Task MeasureAsync(string label, string host, TimeSpan window, string? postgres)
    {
        var folder = Directory.CreateTempSubdirectory("evac-idle-");
        try
        {
            var (statements, transactions) = await CountStatementsAsync(host, folder.FullName, window, postgres);
            var cpu = await MeasureCpuAsync(host, folder.FullName, window, postgres);
            var perSecond = statements / window.TotalSeconds;
            var server = transactions is { } t ? $", {t / window.TotalSeconds:F2} transactions/s seen by the server (scheduler included)" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"idle {label}: {perSecond:F2} EF statements/s{server}; CPU {cpu.TotalSeconds:F2} s over {window.TotalSeconds:F0} s ({100 * cpu / window:F2}% of one core)"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    static async Task<(int Statements, long? Transactions)> CountStatementsAsync(string host, string folder, TimeSpan window, string? postgres)
    {
        var statements = 0;
        var counting = false;
        using var service = Start(host, folder, postgres, "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information",
            line =>
            {
                if (Volatile.Read(ref counting) && line.Contains("Executed DbCommand", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref statements);
                }
            });
        await service.Started;
        await Task.Delay(WarmUp);
        var before = postgres is null ? 0 : await TransactionsAsync(postgres);
        Volatile.Write(ref counting, true);
        await Task.Delay(window);
        Volatile.Write(ref counting, false);
        var after = postgres is null ? 0 : await TransactionsAsync(postgres);
        service.Stop();
        // Our own two reads of pg_stat_database are transactions too.
        return (statements, postgres is null ? null : after - before - 1);
    }

    static async Task<TimeSpan> MeasureCpuAsync(string host, string folder, TimeSpan window, string? postgres)
    {
        using var service = Start(host, folder, postgres, null, _ => { });
        await service.Started;
        await Task.Delay(WarmUp);
        var before = CpuOf(service.Process.Id);
        await Task.Delay(window);
        var after = CpuOf(service.Process.Id);
        service.Stop();
        return after - before;
    }

    /// <summary>utime + stime of the process, from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s).</summary>
    static TimeSpan CpuOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    static async Task<long> TransactionsAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database!);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    sealed class RunningService(Process process, Task started) : IDisposable
    {
        public Process Process => process;

        public Task Started => started;

        public void Stop()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }

        public void Dispose()
        {
            Stop();
            process.Dispose();
        }
    }

    static RunningService Start(string host, string folder, string? postgres, string? extra, Action<string> onLine)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(host);
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        // Older builds read appsettings.json only from the content root; point it at the build's folder for them too.
        start.ArgumentList.Add("--contentRoot=" + Path.GetDirectoryName(Path.GetFullPath(host)));
        start.ArgumentList.Add("--Operators:ApiKeys:0:Name=idle");
        start.ArgumentList.Add("--Operators:ApiKeys:0:Key=idle-benchmark-key-0123456789abcdef");
        if (extra is not null)
        {
            start.ArgumentList.Add(extra);
        }
        if (postgres is not null)
        {
            start.Environment["Storage__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__Evacuation"] = postgres;
        }
        else
        {
            start.Environment["ConnectionStrings__Evacuation"] = $"Data Source={Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db")}";
        }
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        DataReceivedEventHandler handler = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            if (e.Data.Contains("Application started", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
            onLine(e.Data);
        };
        process.OutputDataReceived += handler;
        process.ErrorDataReceived += handler;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RunningService(process, started.Task.WaitAsync(TimeSpan.FromSeconds(120)));
    }
}
