using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Proxy;

public static class ProxySetup
{
    public static WebApplicationBuilder AddProxy(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().Bind(builder.Configuration.GetSection(ProxyOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptions.Validator>();
        return builder;
    }

    /// <summary>
    /// First in the pipeline, so rate limits, logs and the check-in page's origin check see the client's address and
    /// scheme (https://learn.microsoft.com/aspnet/core/host-and-deploy/proxy-load-balancer). With no trusted proxy
    /// configured nothing is rewritten: the headers are ignored, not believed.
    /// </summary>
    public static WebApplication UseProxy(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Networks();
        if (proxies.Count == 0)
        {
            return app;
        }
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // One hop: the address our own proxy saw. Addresses further left were written by the client.
            ForwardLimit = 1,
        };
        forwarded.KnownIPNetworks.Clear();
        forwarded.KnownProxies.Clear();
        foreach (var network in proxies)
        {
            forwarded.KnownIPNetworks.Add(network);
        }
        app.UseForwardedHeaders(forwarded);
        return app;
    }
}
