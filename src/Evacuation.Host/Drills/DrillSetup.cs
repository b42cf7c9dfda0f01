namespace Evacuation.Host.Drills;

public static class DrillSetup
{
    /// <summary>Drills: the sandbox drill citizens are sent through, the runner, and its settings (<c>Drills:*</c>).</summary>
    public static WebApplicationBuilder AddDrills(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DrillsOptions>().BindConfiguration(DrillsOptions.Section);
        builder.Services.AddSingleton<DrillSandbox>();
        builder.Services.AddSingleton<DrillClosure>();
        builder.Services.AddSingleton<DrillCleaning>();
        builder.Services.AddSingleton<DrillRun>();
        builder.Services.AddSingleton<DrillRunner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DrillRunner>());
        return builder;
    }
}
