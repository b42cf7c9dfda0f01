using System.Net.Http.Headers;
using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Evacuation.Host.Tests;

/// <summary>
/// The whole service in memory over a real database (SQLite file or PostgreSQL), with one key per role and a
/// fake clock. Each test makes its own, so tests never see each other's data.
/// </summary>
public sealed class EvacuationApp : WebApplicationFactory<Program>
{
    public const string ViewerKey = TestKeys.Viewer;
    public const string OperatorKey = TestKeys.Operator;
    public const string AdminKey = TestKeys.Admin;

    readonly Dictionary<string, string?> settings;
    readonly bool ownsDatabase;
    readonly Action<IServiceCollection>? services;
    bool serviceClock;

    EvacuationApp(TestDatabase database, Dictionary<string, string?> settings, bool ownsDatabase, Action<IServiceCollection>? services)
    {
        Database = database;
        this.settings = settings;
        this.ownsDatabase = ownsDatabase;
        this.services = services;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    /// <param name="services">Changes to the service's registrations (a log collector, a storage failure), after the service's own.</param>
    public static async Task<EvacuationApp> StartAsync(
        StorageProvider provider, Dictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null) =>
        Start(await TestDatabase.CreateAsync(provider), extra, ownsDatabase: true, services);

    /// <summary>Another service instance (or the same one after a restart) on <paramref name="database"/>, which the caller disposes.</summary>
    public static EvacuationApp StartOn(
        TestDatabase database, Dictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null) =>
        Start(database, extra, ownsDatabase: false, services);

    /// <summary>
    /// Like <see cref="StartOn"/>, on the service's own clock (the database's on PostgreSQL) instead of <see cref="Time"/>:
    /// the scheduler shares that clock, and after a database error its store waits on it before trying again, which a
    /// frozen fake clock never lets happen (the node could not stop).
    /// </summary>
    public static EvacuationApp StartOnServiceClock(
        TestDatabase database, Dictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var app = new EvacuationApp(database, Settings(database, extra), ownsDatabase: false, services) { serviceClock = true };
        _ = app.Server;
        return app;
    }

    /// <summary>Not started yet: the caller starts it (<c>_ = app.Server</c>), for instance several at once.</summary>
    public static EvacuationApp Prepare(
        TestDatabase database, Dictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null) =>
        new(database, Settings(database, extra), ownsDatabase: false, services);

    static EvacuationApp Start(TestDatabase database, Dictionary<string, string?>? extra, bool ownsDatabase, Action<IServiceCollection>? services)
    {
        var app = new EvacuationApp(database, Settings(database, extra), ownsDatabase, services);
        _ = app.Server; // start now, so start-up errors surface in the test that caused them
        return app;
    }

    /// <summary>The settings every test instance starts with: one key per role; <paramref name="extra"/> overrides (a null value removes a setting).</summary>
    static Dictionary<string, string?> Settings(TestDatabase database, Dictionary<string, string?>? extra)
    {
        var settings = TestKeys.Settings();
        settings["Storage:Provider"] = database.Provider.ToString();
        settings["ConnectionStrings:Evacuation"] = database.ConnectionString;
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        return settings;
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public HttpClient Viewer() => ClientWithKey(ViewerKey);

    public HttpClient Operator() => ClientWithKey(OperatorKey);

    public HttpClient Admin() => ClientWithKey(AdminKey);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            if (value is not null)
            {
                builder.UseSetting(key, value);
            }
        }
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services =>
        {
            if (!serviceClock)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
            }
            this.services?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
