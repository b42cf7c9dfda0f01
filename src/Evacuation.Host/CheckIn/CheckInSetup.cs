using Microsoft.Extensions.Options;

namespace Evacuation.Host.CheckIn;

public static class CheckInSetup
{
    /// <summary><c>Web:*</c>, checked at start, the per-link and per-address limits, and the page's work.</summary>
    public static WebApplicationBuilder AddCheckIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebOptions>, WebOptions.Validator>();
        builder.Services.AddSingleton<CheckInLimits>();
        builder.Services.AddScoped<CheckIns>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<WebOptions>>((limiter, web) => CheckInLimits.AddPolicy(limiter, web.Value.RequestsPerMinutePerAddress));
        return builder;
    }
}
