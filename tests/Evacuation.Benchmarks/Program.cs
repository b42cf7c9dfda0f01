// Speed figures for the README. Run in Release:
//   dotnet run -c Release --project tests/Evacuation.Benchmarks -- [benchmark ...]
// With no argument every benchmark runs. Each prints one line of figures and fails (exit 1) if its work was wrong.
using Evacuation.Benchmarks;

var benchmarks = new Dictionary<string, Func<Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["import"] = () => ImportBenchmark.RunAsync(),
};

var chosen = args.Length == 0 ? benchmarks.Keys.ToList() : args.ToList();
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
