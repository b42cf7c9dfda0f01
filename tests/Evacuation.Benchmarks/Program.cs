// Speed figures for the README. Run in Release:
//   dotnet run -c Release --project tests/Evacuation.Benchmarks -- [benchmark ...] [--size N]
// With no argument every benchmark runs. Each prints one line of figures and fails (exit 1) if its work was wrong.
using Evacuation.Benchmarks;

var sizeAt = Array.IndexOf(args, "--size");
int? size = sizeAt >= 0 && sizeAt + 1 < args.Length ? int.Parse(args[sizeAt + 1], System.Globalization.CultureInfo.InvariantCulture) : null;
var names = args.Where((a, i) => a != "--size" && (sizeAt < 0 || i != sizeAt + 1)).ToList();

var benchmarks = new Dictionary<string, Func<Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["import"] = () => ImportBenchmark.RunAsync(size ?? 100_000),
    ["import-memory"] = () => ImportMemoryBenchmark.RunAsync(size ?? 199),
    ["fanout"] = () => FanOutBenchmark.RunAsync(size ?? 100_000),
    ["dispatch"] = () => DispatchBenchmark.RunAsync(size ?? 20_000),
    ["pacing"] = () => PacingBenchmark.RunAsync(size ?? 10_000),
    ["crash"] = () => CrashBenchmark.RunAsync(size ?? 10_000),
    ["reroute"] = () => RerouteBenchmark.RunAsync(size ?? 10_000),
    ["inbound-sms"] = () => InboundSmsBenchmark.RunAsync(size ?? 5_000),
    ["reminders"] = () => ReminderBenchmark.RunAsync(size ?? 10_000),
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
