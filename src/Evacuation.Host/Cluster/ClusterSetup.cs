using Evacuation.Data;
using Evacuation.Host.Health;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Cluster;

public static class ClusterSetup
{
    /// <summary>
    /// <c>Cluster:*</c>: what several nodes on one PostgreSQL database share (README, "Several nodes"): roles elected
    /// through the database with a heartbeat (one sender per channel, one Telegram poller), the crossings' statuses read
    /// through, the database's clock. On SQLite one process holds every role. Channel stops are shared on both.
    /// </summary>
    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterOptions>, ClusterOptions.Validator>();
        services.AddSingleton(sp => NodeIdentity.From(sp.GetRequiredService<IOptions<ClusterOptions>>().Value, builder.Environment.ContentRootPath));
        services.AddSingleton<SharedCrossings>();
        services.AddSingleton<SendingTurn>();
        services.AddSingleton<LateArrivals>();
        services.AddHostedService<ChannelWatch>();
        if (!IsPostgres(builder.Configuration))
        {
            services.AddSingleton(NodeRoles.Alone());
            return builder;
        }
        services.AddSingleton(NodeRoles.Elected());
        var connectionString = builder.Configuration.GetConnectionString("Evacuation")!;
        services.AddSingleton(sp => new ClusterDatabase(connectionString, sp.GetRequiredService<NodeIdentity>().Name));
        services.AddSingleton<NodeSession>();
        // Before the heartbeat and the senders, so it stops after them: the name is let go last.
        services.AddHostedService(sp => sp.GetRequiredService<NodeSession>());
        services.AddSingleton<SettingsFingerprint>();
        services.AddSingleton<RoleLeases>();
        // Every time the service writes is on the database's clock, so a node whose clock is off neither steals
        // claims as expired nor sends retries early.
        services.AddSingleton<DatabaseClock>();
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<DatabaseClock>()));
        services.AddHostedService<Heartbeat>();
        services.AddHostedService<CrossingFollower>();
        return builder;
    }

    static bool IsPostgres(IConfiguration configuration) =>
        Enum.TryParse<StorageProvider>(configuration[$"{StorageOptions.Section}:Provider"], ignoreCase: true, out var provider)
        && provider == StorageProvider.Postgres;
}
