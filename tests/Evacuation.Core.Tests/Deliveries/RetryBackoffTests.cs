using Evacuation.Core.Deliveries;

namespace Evacuation.Core.Tests.Deliveries;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 2, Label = "first retry")]
    [InlineData(2, 4, Label = "second retry")]
    [InlineData(3, 8, Label = "third retry")]
    [InlineData(6, 60, Label = "sixth retry")]
    [InlineData(50, 60, Label = "fiftieth retry")]
    public void Waits_grow_exponentially_and_stop_at_sixty_seconds(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryBackoff.After(attempts));
    }

    [Fact]
    public void The_first_retry_comes_within_five_seconds_even_with_the_most_jitter() =>
        Assert.True(RetryBackoff.After(1, jitter: 0.999) <= TimeSpan.FromSeconds(5));

    [Fact]
    public void Jitter_never_goes_past_the_cap() =>
        Assert.Equal(RetryBackoff.Cap, RetryBackoff.After(20, jitter: 0.999));

    [Fact]
    public void A_provider_wait_longer_than_ours_is_honoured() =>
        Assert.Equal(TimeSpan.FromSeconds(30), RetryBackoff.After(1, TimeSpan.FromSeconds(30)));

    [Fact]
    public void A_provider_wait_shorter_than_ours_replaces_it() =>
        Assert.Equal(TimeSpan.FromSeconds(1), RetryBackoff.After(3, TimeSpan.FromSeconds(1)));
}
