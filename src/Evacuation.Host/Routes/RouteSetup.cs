using Evacuation.Core.Routes;
using Evacuation.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Routes;

public static class RouteSetup
{
    /// <summary>The border crossings and regions from <c>Routes:File</c>, checked at start.</summary>
    public static WebApplicationBuilder AddRoutes(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RoutesOptions>().BindConfiguration(RoutesOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RoutesOptions>, RoutesOptions.Validator>();
        builder.Services.AddSingleton(sp => CrossingsFile.Load(sp.GetRequiredService<IOptions<RoutesOptions>>().Value.FullPath));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<CrossingsFile>().Regions);
        return builder;
    }

    /// <summary>Reads the crossings file now, so a bad file stops start-up instead of the first route request.</summary>
    public static void LoadRoutes(this WebApplication app) => app.Services.GetRequiredService<CrossingsFile>();
}
