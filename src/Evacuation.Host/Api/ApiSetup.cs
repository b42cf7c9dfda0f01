using System.Text.Json.Serialization;

namespace Evacuation.Host.Api;

public static class ApiSetup
{
    /// <summary>JSON (camelCase, enums as names), problem details for every error, and the OpenAPI document.</summary>
    public static WebApplicationBuilder AddApiConventions(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new WellFormedText());
            o.SerializerOptions.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ExceptionProblems>();
        builder.Services.AddOpenApi();
        // 1 MB is plenty for any JSON call; the CSV import raises its own limit.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
        return builder;
    }

    public static WebApplication UseApiConventions(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        // After authentication, so a request counts against its key; before authorization and every endpoint.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/v1.json").RequireAuthorization(Operators.Roles.Viewer);
        return app;
    }
}
