using System.Net;
using Evacuation.Data;

namespace Evacuation.Host.Tests.Cluster;

[Collection(Alone.Name)]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_answer_in_Prometheus_format_to_a_viewer_key_and_401_without_one()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        await app.AddCitizensAsync(2);
        var id = await app.BroadcastAsync(new { kind = "Advisory", channels = "Telegram" });
        await app.UntilStateAsync(id, "Completed");

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/metrics")).StatusCode);
        var text = await app.Viewer().GetStringAsync("/metrics");

        Assert.Contains("evacuation_sends_total{otel_scope_name=\"Evacuation\",channel=\"Telegram\",outcome=\"Sent\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("evacuation_node_role{otel_scope_name=\"Evacuation\",role=\"telegram-poller\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("evacuation_pacing_wait_seconds_count{otel_scope_name=\"Evacuation\",channel=\"Telegram\"} 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_need_no_key_when_the_scrape_setting_allows_it()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, new() { ["Metrics:AllowAnonymous"] = "true" });
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/metrics")).StatusCode);
    }
}
