using System.Net;
using Evacuation.Data;
using Evacuation.Host.Operators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Operators;

/// <summary>
/// Every endpoint the service maps, with the role it needs. A new endpoint fails this test until it is added to the
/// table, so nobody maps a route and forgets who may call it; and an endpoint that names no role still needs a key.
/// </summary>
public sealed class EndpointRolesTests
{
    const string Anonymous = "anonymous";

    /// <summary>"METHOD pattern" → who may call it: anonymous, or the lowest role.</summary>
    static readonly Dictionary<string, string> Expected = new()
    {
        ["GET /health"] = Anonymous,
        ["GET /health/ready"] = Anonymous,
        ["* /metrics"] = Roles.Viewer,
        ["POST /api/drills/"] = Roles.Admin,
        ["GET /api/drills/current"] = Roles.Viewer,
        ["POST /api/drills/clean"] = Roles.Admin,
        ["GET /"] = Anonymous,
        ["GET /dashboard/{file}"] = Anonymous,
        ["POST /webhooks/telegram"] = Anonymous,
        ["POST /webhooks/twilio/sms"] = Anonymous,
        ["POST /webhooks/twilio/status"] = Anonymous,
        ["GET /openapi/v1.json"] = Roles.Viewer,
        ["GET /api/me"] = Roles.Viewer,
        ["GET /api/stats"] = Roles.Viewer,
        ["GET /api/stats/timeline"] = Roles.Viewer,
        ["GET /api/citizens/"] = Roles.Viewer,
        ["GET /api/citizens/{id}"] = Roles.Viewer,
        ["POST /api/citizens/"] = Roles.Operator,
        ["POST /api/citizens/import"] = Roles.Operator,
        ["POST /api/citizens/{id}/invite"] = Roles.Operator,
        ["POST /api/citizens/{id}/check-in-link"] = Roles.Operator,
        ["DELETE /api/citizens/{id}/check-in-link"] = Roles.Operator,
        ["GET /c/{token}"] = Anonymous,
        ["POST /c/{token}"] = Anonymous,
        ["GET /api/broadcasts/"] = Roles.Viewer,
        ["GET /api/broadcasts/{id}"] = Roles.Viewer,
        ["POST /api/broadcasts/"] = Roles.Operator,
        ["POST /api/broadcasts/{id}/cancel"] = Roles.Operator,
        ["POST /api/broadcasts/{id}/approve"] = Roles.Operator,
        ["POST /api/broadcasts/{id}/reject"] = Roles.Operator,
        ["GET /api/cases/"] = Roles.Viewer,
        ["GET /api/cases/{id}"] = Roles.Viewer,
        ["POST /api/cases/take"] = Roles.Operator,
        ["POST /api/cases/{id}/assign"] = Roles.Operator,
        ["POST /api/cases/{id}/note"] = Roles.Operator,
        ["POST /api/cases/{id}/resolve"] = Roles.Operator,
        ["GET /api/replies"] = Roles.Viewer,
        ["POST /api/sandbox/replies"] = Roles.Operator,
        ["GET /api/reports/unconfirmed"] = Roles.Operator,
        ["GET /api/reports/call-list"] = Roles.Operator,
        ["GET /api/crossings/"] = Roles.Viewer,
        ["GET /api/crossings/{id}"] = Roles.Viewer,
        ["PUT /api/crossings/{id}"] = Roles.Admin,
        ["GET /api/reminders/"] = Roles.Viewer,
        ["POST /api/reminders/pause"] = Roles.Admin,
        ["POST /api/reminders/resume"] = Roles.Admin,
        ["GET /api/keys/"] = Roles.Admin,
        ["POST /api/keys/"] = Roles.Admin,
        ["DELETE /api/keys/{id}"] = Roles.Admin,
    };

    [Fact]
    public async Task Every_mapped_endpoint_needs_the_role_in_the_table()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        Assert.Equal(Expected.OrderBy(e => e.Key), Mapped(app).OrderBy(e => e.Key));
    }

    /// <summary>What the table says, checked by calling: no key is 401, a key one role too low is 403.</summary>
    [Fact]
    public async Task Calls_without_a_key_or_with_too_low_a_role_are_refused_before_anything_runs()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var keys = new Dictionary<string, HttpClient?>
        {
            [Roles.Viewer] = null,
            [Roles.Operator] = app.Viewer(),
            [Roles.Admin] = app.Operator(),
        };
        foreach (var (endpoint, role) in Expected.Where(e => e.Value != Anonymous))
        {
            var (method, path) = Request(endpoint);
            var none = await app.CreateClient().SendAsync(new HttpRequestMessage(method, path));
            Assert.True(none.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint} without a key: {(int)none.StatusCode}");
            if (keys[role] is { } tooLow)
            {
                var refused = await tooLow.SendAsync(new HttpRequestMessage(method, path));
                Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{endpoint} one role too low: {(int)refused.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task A_path_nobody_mapped_needs_a_key_too()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/nothing-here")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Viewer().GetAsync("/api/nothing-here")).StatusCode);
    }

    static Dictionary<string, string> Mapped(EvacuationApp app)
    {
        var mapped = new Dictionary<string, string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods)
            {
                mapped[$"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}"] = RoleOf(endpoint);
            }
        }
        return mapped;
    }

    /// <summary>Anonymous when allowed so; else the highest role its policies name; else "key": any valid key (the fallback policy).</summary>
    static string RoleOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Anonymous;
        }
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
        return new[] { Roles.Admin, Roles.Operator, Roles.Viewer }.FirstOrDefault(policies.Contains) ?? "key";
    }

    static (HttpMethod Method, string Path) Request(string endpoint)
    {
        var (method, pattern) = (endpoint[..endpoint.IndexOf(' ')], endpoint[(endpoint.IndexOf(' ') + 1)..]);
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, "{[^}]+}", Guid.NewGuid().ToString());
        return (new HttpMethod(method), path);
    }
}
