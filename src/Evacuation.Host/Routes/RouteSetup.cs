using System.Text.Json;
using Evacuation.Core.Routes;
using Evacuation.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Routes;

public static class RouteSetup
{
    public static WebApplicationBuilder AddRoutes(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RoutesOptions>().BindConfiguration(RoutesOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RoutesOptions>, RoutesOptions.Validator>();
        builder.Services.AddSingleton(sp => LoadRegions(sp.GetRequiredService<IOptions<RoutesOptions>>().Value.FullPath));
        return builder;
    }

    static RegionCatalog LoadRegions(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var regions = document.RootElement.GetProperty("regions").EnumerateArray().Select(r => new Region(
            r.GetProperty("name").GetString()!,
            r.GetProperty("latitude").GetDouble(),
            r.GetProperty("longitude").GetDouble(),
            r.TryGetProperty("aliases", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToList() : []));
        return new RegionCatalog(regions);
    }
}
