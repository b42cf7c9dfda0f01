// Speed figures for the README. Run in Release:
//   dotnet run -c Release --project tests/Evacuation.Benchmarks -- [benchmark ...] [--size N] [--host Evacuation.Host.dll] [--seconds S]
//   reads|cluster [--postgres CONNECTION] (PostgreSQL from EVAC_TEST_POSTGRES when not given)
// With no argument every benchmark runs. Each prints one line of figures and fails (exit 1) if its work was wrong.
using Evacuation.Benchmarks;

string? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
int? size = Option("--size") is { } sizeText ? int.Parse(sizeText, System.Globalization.CultureInfo.InvariantCulture) : null;
string[] options = ["--size", "--host", "--seconds", "--postgres"];
var names = args.Where((a, i) => !options.Contains(a) && (i == 0 || !options.Contains(args[i - 1]))).ToList();

var benchmarks = new Dictionary<string, Func<Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["import"] = () => ImportBenchmark.RunAsync(size ?? 100_000),
    ["import-memory"] = () => ImportMemoryBenchmark.RunAsync(size ?? 199),
    ["fanout"] = () => FanOutBenchmark.RunAsync(size ?? 100_000),
    ["dispatch"] = () => DispatchBenchmark.RunAsync(size ?? 20_000),
    ["pacing"] = () => PacingBenchmark.RunAsync(size ?? 10_000),
    ["crash"] = () => CrashBenchmark.RunAsync(size ?? 10_000),
    ["reroute"] = () => RerouteBenchmark.RunAsync(size ?? 10_000),
    ["stale-directions"] = () => StaleDirectionsBenchmark.RunAsync(size ?? 6_000),
    ["inbound-sms"] = () => InboundSmsBenchmark.RunAsync(size ?? 5_000),
    ["reminders"] = () => ReminderBenchmark.RunAsync(size ?? 10_000),
    ["lease"] = () => LeaseBenchmark.RunAsync(size ?? 200),
    ["priority"] = () => PriorityBenchmark.RunAsync(size ?? 50_000),
    ["remote"] = () => RemoteBenchmark.RunAsync(size ?? 20_000),
    ["seed10x"] = () => Seed10xBenchmark.RunAsync(size ?? 10_000),
    ["reads"] = () => Evacuation.Benchmarks.Reads.ReadsBenchmark.RunAsync(size ?? 1_000_000,
        Option("--postgres") ?? Environment.GetEnvironmentVariable("EVAC_TEST_POSTGRES")),
    ["cluster"] = () => Evacuation.Benchmarks.Cluster.ClusterSoak.RunAsync(Option("--postgres") ?? Environment.GetEnvironmentVariable("EVAC_TEST_POSTGRES")),
    ["idle"] = () => IdleBenchmark.RunAsync(Option("--host"), int.Parse(Option("--seconds") ?? "60", System.Globalization.CultureInfo.InvariantCulture)),
};

var chosen = names.Count == 0 ? benchmarks.Keys.ToList() : names;
var failures = 0;
foreach (var name in chosen)
{
    if (!benchmarks.TryGetValue(name, out var run))
    {
        Console.Error.WriteLine($"unknown benchmark '{name}'; choose from: {string.Join(", ", benchmarks.Keys)}");
        return 2;
    }
    failures += await run() == 0 ? 0 : 1;
}
return failures == 0 ? 0 : 1;
