using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Evacuation.Host.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.Cluster;

/// <summary>Counts the messages each node handed to a provider, from its own <c>evacuation.sends</c> counter.</summary>
public sealed class SendCounts : IDisposable
{
    readonly MeterListener listener = new();
    readonly ConcurrentDictionary<object, long> byFactory = new();

    public SendCounts()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServiceMetrics.MeterName && instrument.Name == "evacuation.sends" && instrument.Meter.Scope is { } scope)
            {
                l.EnableMeasurementEvents(instrument, scope);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, scope) => byFactory.AddOrUpdate(scope!, value, (_, n) => n + value));
        listener.Start();
    }

    public long Of(EvacuationApp node) => byFactory.GetValueOrDefault(node.Services.GetRequiredService<IMeterFactory>());

    public void Dispose() => listener.Dispose();
}
