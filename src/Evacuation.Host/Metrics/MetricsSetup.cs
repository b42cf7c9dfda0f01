using Evacuation.Host.Configuration;
using Evacuation.Host.Operators;
using OpenTelemetry.Metrics;

namespace Evacuation.Host.Metrics;

public static class MetricsSetup
{
    /// <summary>
    /// OpenTelemetry metrics of the <c>Evacuation</c> meter (and ASP.NET Core's request metrics), for Prometheus; and
    /// <c>Logging:Format</c>: <c>json</c> writes one JSON object per log line (for a log shipper), anything else is an error.
    /// </summary>
    public static WebApplicationBuilder AddMetrics(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration["Logging:Format"];
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole();
        }
        else if (!string.IsNullOrWhiteSpace(format) && !string.Equals(format, "text", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationProblemException($"Logging:Format must be 'text' (the default) or 'json' (got '{format}')");
        }
        builder.Services.AddSingleton<ServiceMetrics>();
        builder.Services.AddHostedService<MetricsSampler>();
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(ServiceMetrics.MeterName, "Microsoft.AspNetCore.Hosting")
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// <c>GET /metrics</c> in Prometheus' text format: a Viewer key, unless <c>Metrics:AllowAnonymous</c> is true (a
    /// scraper on a private network that cannot send a key; keep the path off the public proxy then).
    /// </summary>
    public static IEndpointRouteBuilder MapMetrics(this WebApplication app)
    {
        // Built now, so the instruments exist before the first scrape.
        app.Services.GetRequiredService<ServiceMetrics>();
        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
        if (app.Configuration.GetValue<bool>("Metrics:AllowAnonymous"))
        {
            endpoint.AllowAnonymous();
        }
        else
        {
            endpoint.RequireAuthorization(Roles.Viewer);
        }
        return app;
    }
}
