using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Evacuation.Host.Dashboard;

/// <summary>Once the service listens, one line saying where the dashboard is, so a newcomer knows where to click.</summary>
public static class DashboardAddress
{
    public static void LogDashboardAddress(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses?.FirstOrDefault() is { } first)
            {
                app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Evacuation.Dashboard")
                    .LogInformation("Dashboard: {Url}/ (sign in with an operator key; for the command line: evac login)", first.TrimEnd('/'));
            }
        });
}
