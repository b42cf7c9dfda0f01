namespace Evacuation.Host.Stats;

public static class StatsSetup
{
    /// <summary>
    /// The counts dashboards poll: shared by every caller (<see cref="SharedCounts"/>), and broadcasts' counters kept
    /// by the database as things are recorded (<see cref="CounterFold"/>, <see cref="BroadcastProgress"/>).
    /// </summary>
    public static WebApplicationBuilder AddStats(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StatsOptions>().BindConfiguration(StatsOptions.Section)
            .Validate(o => o.ExactUpTo >= 0, "Stats:ExactUpTo must be 0 or more.").ValidateOnStart();
        builder.Services.AddSingleton<SharedCounts>();
        builder.Services.AddSingleton<CounterFold>();
        builder.Services.AddSingleton<BroadcastProgress>();
        builder.Services.AddHostedService<CounterLoop>();
        return builder;
    }
}
