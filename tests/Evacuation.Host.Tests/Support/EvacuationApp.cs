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

    EvacuationApp(TestDatabase database, Dictionary<string, string?> settings, bool ownsDatabase = true)
    {
        Database = database;
        this.settings = settings;
        this.ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    public static async Task<EvacuationApp> StartAsync(StorageProvider provider, Dictionary<string, string?>? extra = null) =>
        Start(await TestDatabase.CreateAsync(provider), extra, ownsDatabase: true);

    /// <summary>Another service instance (or the same one after a restart) on <paramref name="database"/>, which the caller disposes.</summary>
    public static EvacuationApp StartOn(TestDatabase database, Dictionary<string, string?>? extra = null) =>
        Start(database, extra, ownsDatabase: false);

    static EvacuationApp Start(TestDatabase database, Dictionary<string, string?>? extra, bool ownsDatabase)
    {
        var settings = TestKeys.Settings();
        settings["Storage:Provider"] = database.Provider.ToString();
        settings["ConnectionStrings:Evacuation"] = database.ConnectionString;
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        var app = new EvacuationApp(database, settings, ownsDatabase);
        _ = app.Server; // start now, so start-up errors surface in the test that caused them
        return app;
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
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
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
