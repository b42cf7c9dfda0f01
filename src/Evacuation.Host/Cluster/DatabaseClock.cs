namespace Evacuation.Host.Cluster;

/// <summary>
/// The service's clock on PostgreSQL: this machine's clock moved by its measured distance from the database's
/// (<see cref="Core.Cluster.ClockOffset"/>, read at every heartbeat). Every time the service writes (claims and their
/// leases, retries, deadlines, reminders) is then on one clock across nodes, so a node whose clock is two minutes off
/// neither steals other nodes' claims as expired nor sends retries early.
/// </summary>
public sealed class DatabaseClock : TimeProvider
{
    long offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
        set => Interlocked.Exchange(ref offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
