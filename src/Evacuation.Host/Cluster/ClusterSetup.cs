using Evacuation.Data;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Cluster;

public static class ClusterSetup
{
    /// <summary>
    /// <c>Cluster:*</c>: what several nodes on one PostgreSQL database share (README, "Several nodes"). The crossings'
    /// statuses are read through from the database; on SQLite one process holds every role and nothing else runs.
    /// </summary>
    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ClusterOptions>, ClusterOptions.Validator>();
        builder.Services.AddSingleton<SharedCrossings>();
        if (!IsPostgres(builder.Configuration))
        {
            return builder;
        }
        builder.Services.AddHostedService<CrossingFollower>();
        return builder;
    }

    static bool IsPostgres(IConfiguration configuration) =>
        Enum.TryParse<StorageProvider>(configuration[$"{StorageOptions.Section}:Provider"], ignoreCase: true, out var provider)
        && provider == StorageProvider.Postgres;
}
