using Evacuation.Host.Deliveries;

namespace Evacuation.Host.Tests.Deliveries;

public sealed class IdleBackoffTests
{
    static readonly TimeSpan First = TimeSpan.FromMilliseconds(250);
    static readonly TimeSpan Cap = TimeSpan.FromSeconds(5);

    [Fact]
    public void Empty_looks_double_the_wait_up_to_the_cap()
    {
        var backoff = new IdleBackoff(First, Cap);

        var waits = Enumerable.Range(0, 7).Select(_ => backoff.Next().TotalMilliseconds).ToList();

        Assert.Equal([250, 500, 1000, 2000, 4000, 5000, 5000], waits);
    }

    [Fact]
    public void Work_found_starts_over()
    {
        var backoff = new IdleBackoff(First, Cap);
        backoff.Next();
        backoff.Next();

        backoff.Reset();

        Assert.Equal(First, backoff.Next());
    }

    [Theory]
    [InlineData(100, 100)]     // a retry due sooner than the next look: wake for it
    [InlineData(-50, 0)]       // already due: look at once
    [InlineData(60_000, 250)]  // due much later: the backoff's own wait
    public void Something_due_sooner_shortens_the_wait(int dueInMilliseconds, int expectedMilliseconds)
    {
        var backoff = new IdleBackoff(First, Cap);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), backoff.Next(TimeSpan.FromMilliseconds(dueInMilliseconds)));
    }
}
