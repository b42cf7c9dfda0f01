using Evacuation.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Evacuation.Host.Tests;

/// <summary>
/// A fake clock that also records the due time of every timer made on it, so a test can wait until a loop has started
/// a wait, see how long it asked for, and advance exactly that far: no sleeping, no guessing.
/// </summary>
public sealed class TimerLog(DateTimeOffset start) : TimeProvider
{
    readonly FakeTimeProvider clock = new(start);

    /// <summary>Due times, in the order the timers were made.</summary>
    public RequestLog<TimeSpan> Waits { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Made first, recorded second: a test that sees the record can advance the clock and the timer fires.
        var timer = clock.CreateTimer(callback, state, dueTime, period);
        Waits.Add(dueTime);
        return timer;
    }

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public void Advance(TimeSpan by) => clock.Advance(by);
}
