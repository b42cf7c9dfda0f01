using Evacuation.Data;
using Evacuation.Host.Configuration;

namespace Evacuation.Host.Storage;

public static class StorageSetup
{
    /// <summary>
    /// <c>Storage:Provider</c> (Sqlite or Postgres) and <c>ConnectionStrings:Evacuation</c>. Read before the
    /// container is built because the provider decides which database classes exist.
    /// </summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var providerText = builder.Configuration[$"{StorageOptions.Section}:Provider"];
        var provider = StorageProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new ConfigurationProblemException($"Storage:Provider must be Sqlite or Postgres (got '{providerText}')");
        }
        var connectionString = builder.Configuration.GetConnectionString("Evacuation");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == StorageProvider.Postgres)
            {
                throw new ConfigurationProblemException("ConnectionStrings:Evacuation is required when Storage:Provider is Postgres (e.g. 'Host=127.0.0.1;Database=evacuation;Username=evac;Password=...')");
            }
            connectionString = StorageOptions.DefaultSqlite;
        }
        builder.Services.Configure<StorageOptions>(o => o.Provider = provider);
        builder.Services.AddEvacuationDb(provider, connectionString);
        if (provider == StorageProvider.Sqlite)
        {
            builder.Services.AddHostedService<WalCheckpoints>();
        }
        return builder;
    }

    /// <summary>Applies migrations before anything else touches the database, and says in the log which database it is.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvacuationDb>();
        await Data.Storage.PrepareAsync(db, cancellationToken);
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Evacuation.Storage")
            .LogInformation("Database: {Database}", Data.Storage.Describe(db));
    }
}
