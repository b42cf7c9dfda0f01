using System.Diagnostics.Metrics;
using Evacuation.Core.Channels;
using Evacuation.Core.Cluster;
using Evacuation.Host.Cluster;

namespace Evacuation.Host.Metrics;

/// <summary>
/// The service's own instruments (meter <c>Evacuation</c>), exported for Prometheus at <c>/metrics</c>. Counters count
/// what this node did (sends, pacing waits, reminder sweeps); the queue and reply figures are the database's, the same
/// on every node (<see cref="MetricsSampler"/>); <c>evacuation_node_role</c> says which roles this node holds.
/// </summary>
public sealed class ServiceMetrics
{
    public const string MeterName = "Evacuation";

    readonly Counter<long> sends;
    readonly Histogram<double> pacingWait;
    readonly Counter<long> sweeps;
    readonly Counter<long> strangersHeldBack;

    public ServiceMetrics(IMeterFactory meters, NodeRoles roles)
    {
        var meter = meters.Create(MeterName);
        sends = meter.CreateCounter<long>("evacuation.sends", "{message}", "Messages handed to a provider, by channel and outcome");
        pacingWait = meter.CreateHistogram("evacuation.pacing.wait", "s", "How long a message waited for its pacing slot", advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.001, 0.01, 0.05, 0.1, 0.5, 1, 2, 5, 30],
        });
        sweeps = meter.CreateCounter<long>("evacuation.reminder.sweeps", "{sweep}", "Reminder sweeps run on this node");
        meter.CreateObservableGauge("evacuation.queue.depth", () => Observed().Pending.Select(p =>
            new Measurement<long>(p.Value, new KeyValuePair<string, object?>("channel", p.Key.Channel.ToString()),
                new KeyValuePair<string, object?>("priority", p.Key.Priority))), "{delivery}",
            "Deliveries waiting to be sent, by channel and priority (1 answers, 2 urgent, 3 bulk; whole cluster)");
        strangersHeldBack = meter.CreateCounter<long>("evacuation.answers.held_back", "{answer}",
            "Answers not sent to unknown senders (one per sender every 10 minutes), by channel");
        meter.CreateObservableCounter("evacuation.replies.received", () => Sample.RepliesReceived, "{reply}", "Replies stored (whole cluster)");
        meter.CreateObservableCounter("evacuation.replies.interpreted", () => Sample.RepliesInterpreted, "{reply}", "Replies interpreted (whole cluster)");
        meter.CreateObservableGauge("evacuation.node.role", () => RoleNames.All.Select(role =>
            new Measurement<int>(roles.Holds(role) ? 1 : 0, new KeyValuePair<string, object?>("role", role))), null,
            "1 for each role this node holds (sender per channel, Telegram poller)");
    }

    /// <summary>The last figures read from the database; set by <see cref="MetricsSampler"/>.</summary>
    public DatabaseSample Sample { get; set; } = DatabaseSample.None;

    /// <summary>Whether anyone collects the metrics: the sampler reads the database only then.</summary>
    public bool Scraped { get; private set; }

    DatabaseSample Observed()
    {
        Scraped = true;
        return Sample;
    }

    public void Sent(ChannelKind channel, SendOutcome outcome) =>
        sends.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString()), new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    public void Paced(ChannelKind channel, TimeSpan waited) =>
        pacingWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("channel", channel.ToString()));

    public void Swept() => sweeps.Add(1);

    public void HeldBackFromStranger(ChannelKind channel) =>
        strangersHeldBack.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString()));
}

/// <summary>Figures that only the database knows, read every few seconds while metrics are scraped.</summary>
public sealed record DatabaseSample(IReadOnlyDictionary<(ChannelKind Channel, int Priority), long> Pending, long RepliesReceived, long RepliesInterpreted)
{
    public static DatabaseSample None { get; } = new(new Dictionary<(ChannelKind, int), long>(), 0, 0);
}
