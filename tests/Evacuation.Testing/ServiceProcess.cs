using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Evacuation.Testing;

/// <summary>
/// The service as its own process (<c>dotnet Evacuation.Host.dll</c>), as an operator runs a node: settings as
/// environment variables, its console kept in <see cref="Output"/>. <see cref="Kill"/> is <c>kill -9</c>; dispose
/// kills it too, so a failing test or program leaves nothing running.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    readonly ProcessStartInfo start;
    readonly List<string> output = [];
    Process? process;

    ServiceProcess(string hostDll, string folder, int port, IReadOnlyDictionary<string, string?> settings)
    {
        Port = port;
        start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(hostDll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = BaseUrl;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public bool Running => process is { HasExited: false };

    /// <summary>CPU time (user and kernel) the running process has used so far, for benchmarks' cost per message.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            process!.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>The process's console lines so far (standard output and error), for a failure's message.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (output)
            {
                return [.. output];
            }
        }
    }

    /// <summary>Starts a node on a free port of its own, from <paramref name="folder"/> (which must exist).</summary>
    public static ServiceProcess Start(string hostDll, string folder, IReadOnlyDictionary<string, string?> settings)
    {
        var node = new ServiceProcess(hostDll, folder, FreePort(), settings);
        node.Restart();
        return node;
    }

    /// <summary>Starts the process again with the same port and settings (after <see cref="Kill"/>).</summary>
    public void Restart()
    {
        process?.Dispose();
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    void Keep(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Add(line);
            }
        }
    }

    /// <summary>Waits until <c>GET /health</c> answers (at most <paramref name="limit"/>); false if it never did or the process ended.</summary>
    public async Task<bool> UntilAnsweringAsync(TimeSpan limit, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit && Running)
        {
            try
            {
                if ((await client.GetAsync("/health", cancellationToken)).IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }
            await Task.Delay(100, cancellationToken);
        }
        return false;
    }

    /// <summary><c>kill -9</c>: the process ends at once, with no chance to hand anything back.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
