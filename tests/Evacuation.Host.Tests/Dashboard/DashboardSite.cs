using System.Net;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Dashboard;

/// <summary>
/// The whole service on a real loopback port, so a browser can reach it (the in-memory TestServer cannot be).
/// Real clock, sandbox channels paced fast, one key per role as in <see cref="EvacuationApp"/>.
/// </summary>
public sealed class DashboardSite : WebApplicationFactory<Program>
{
    readonly TestDatabase database;
    readonly Dictionary<string, string?> extra;

    DashboardSite(TestDatabase database, Dictionary<string, string?>? extra)
    {
        this.database = database;
        this.extra = extra ?? [];
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>Starts the site; <paramref name="extra"/> settings are added to (or replace) the defaults.</summary>
    public static async Task<DashboardSite> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var site = new DashboardSite(await TestDatabase.CreateAsync(StorageProvider.Sqlite), extra);
        site.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        site.StartServer();
        var addresses = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        site.Address = new Uri(addresses.Addresses.First());
        return site;
    }

    public EvacuationDb Open() => database.Open();

    /// <summary>An HTTP client to the site signed in with <paramref name="key"/>.</summary>
    public HttpClient ClientWithKey(string key)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Stores <paramref name="count"/> citizens reachable by Telegram and SMS, in four languages, in Lviv unless shaped otherwise.</summary>
    public async Task<List<Citizen>> AddCitizensAsync(int count, Action<Citizen, int>? shape = null)
    {
        var now = DateTime.UtcNow;
        var citizens = Enumerable.Range(0, count).Select(n =>
        {
            var citizen = new Citizen
            {
                Name = $"Citizen {n}",
                Phone = Some.Phone(n),
                TelegramChatId = 1000 + n,
                Language = Language.All[n % 4],
                Region = "Lviv",
                HouseholdSize = 2,
                CreatedAt = now,
                UpdatedAt = now,
            };
            shape?.Invoke(citizen, n);
            return citizen;
        }).ToList();
        await using var db = database.Open();
        db.Citizens.AddRange(citizens);
        await db.SaveChangesAsync();
        return citizens;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in TestKeys.OnSqlite(database.ConnectionString, extra))
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Testing");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}
