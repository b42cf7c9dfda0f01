using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Evacuation.Fakes;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port (or the one given), quiet in the test output; optionally also on
/// <c>doors</c> more free ports, so that clients each given their own can be told apart.
/// </summary>
internal static class FakeKestrel
{
    public static async Task<(WebApplication App, string BaseUrl)> StartAsync(Action<WebApplication> map, int port = 0)
    {
        var (app, urls) = await StartAsync(map, port, doors: 0);
        return (app, urls[0]);
    }

    /// <summary>The server and its base URLs: the main one first, then one per door.</summary>
    public static async Task<(WebApplication App, IReadOnlyList<string> BaseUrls)> StartAsync(Action<WebApplication> map, int port, int doors)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (doors == 0)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        else
        {
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, port);
                for (var door = 0; door < doors; door++)
                {
                    kestrel.Listen(IPAddress.Loopback, FreePort());
                }
            });
        }
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return (app, [.. addresses.Select(a => a.TrimEnd('/'))]);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
