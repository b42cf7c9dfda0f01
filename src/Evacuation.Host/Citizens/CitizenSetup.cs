using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Citizens;

public static class CitizenSetup
{
    public static WebApplicationBuilder AddCitizenRegistry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CitizensOptions>().BindConfiguration(CitizensOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CitizensOptions>, CitizensOptions.Validator>();
        builder.Services.AddSingleton(sp => new CitizenRules(
            sp.GetRequiredService<IOptions<CitizensOptions>>().Value.DefaultRegion,
            sp.GetRequiredService<RegionCatalog>()));
        builder.Services.AddScoped<CitizenRegistry>();
        return builder;
    }
}
