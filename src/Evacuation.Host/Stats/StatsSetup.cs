namespace Evacuation.Host.Stats;

public static class StatsSetup
{
    /// <summary>The counts dashboards poll, shared by every caller (<see cref="SharedCounts"/>).</summary>
    public static WebApplicationBuilder AddStats(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SharedCounts>();
        return builder;
    }
}
