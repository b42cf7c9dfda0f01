namespace Evacuation.Core.Cluster;

/// <summary>
/// How far this node's clock is from the database's, from a few readings of the database's time: each reading is
/// taken as the middle of its round trip, and the median of the last readings is kept, so one slow round trip does
/// not move the service's clock.
/// </summary>
public sealed class ClockOffset
{
    public const int Kept = 5;

    readonly Queue<TimeSpan> readings = new();

    /// <summary>Database time minus local time; zero before the first reading.</summary>
    public TimeSpan Current { get; private set; }

    /// <summary>Adds a reading: the database said <paramref name="database"/> between local <paramref name="sent"/> and <paramref name="received"/>.</summary>
    public TimeSpan Add(DateTimeOffset sent, DateTimeOffset database, DateTimeOffset received)
    {
        var middle = sent + (received - sent) / 2;
        readings.Enqueue(database - middle);
        while (readings.Count > Kept)
        {
            readings.Dequeue();
        }
        var sorted = readings.Order().ToList();
        Current = sorted[sorted.Count / 2];
        return Current;
    }

    /// <summary>Whether an offset is large enough to tell the operator: a second is more than any round trip explains.</summary>
    public static bool WorthSaying(TimeSpan offset) => offset.Duration() >= TimeSpan.FromSeconds(1);
}
