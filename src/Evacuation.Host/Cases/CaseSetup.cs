namespace Evacuation.Host.Cases;

public static class CaseSetup
{
    /// <summary>Help cases: the desk operators act through (cases are opened by the reply interpreter).</summary>
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseDesk>();
        return builder;
    }
}
