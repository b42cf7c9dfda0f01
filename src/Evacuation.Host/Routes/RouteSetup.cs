using Evacuation.Core.Routes;
using Evacuation.Data;
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
        builder.Services.AddSingleton<CrossingPlanner>();
        builder.Services.AddScoped<Rerouting>();
        builder.Services.AddScoped<CrossingUpdates>();
        return builder;
    }

    /// <summary>Reads the crossings file now, so a bad file stops start-up instead of the first route request.</summary>
    public static void LoadRoutes(this WebApplication app) => app.Services.GetRequiredService<CrossingsFile>();

    /// <summary>After the schema is in place: operators' stored statuses and notes replace the file's.</summary>
    public static async Task LoadCrossingStatesAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvacuationDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await CrossingStates.LoadAsync(db, app.Services.GetRequiredService<CrossingsFile>(), now, app.Lifetime.ApplicationStopping);
    }
}
