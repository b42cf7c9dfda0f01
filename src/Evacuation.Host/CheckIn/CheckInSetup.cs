using Microsoft.Extensions.Options;

namespace Evacuation.Host.CheckIn;

public static class CheckInSetup
{
    /// <summary><c>Web:*</c>, checked at start, and the page's work. Its limits are the rate limiter's (Limits/RateLimits).</summary>
    public static WebApplicationBuilder AddCheckIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebOptions>, WebOptions.Validator>();
        builder.Services.AddScoped<CheckIns>();
        return builder;
    }
}
