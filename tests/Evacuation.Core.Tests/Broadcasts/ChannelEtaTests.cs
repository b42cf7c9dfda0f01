using Evacuation.Core.Broadcasts;

namespace Evacuation.Core.Tests.Broadcasts;

public sealed class ChannelEtaTests
{
    public static TheoryData<string, int, long, long, double?, double?, double?, int> Cases => new()
    {
        // case, recipients, units, units ahead, rate, minutes until expiry, expected eta (s), expected not reached.
        // The pacer keeps a whole rate's units in every 1.02 s, so a rate of 30/s sustains 29.41/s and 10/s 9.80/s.
        { "10,000 Telegram at 30/s", 10_000, 10_000, 0, 30, null, 340, 0 },
        { "behind 50,000 queued", 10_000, 10_000, 50_000, 30, null, 2040, 0 },
        { "4,000 SMS of 3 segments at 10/s", 4_000, 12_000, 0, 10, null, 1224, 0 },
        { "expiry after the end", 4_000, 12_000, 0, 10, 30, 1224, 0 },
        { "expiry half way: 5,882 segments in 10 min", 4_000, 12_000, 0, 10, 10, 1224, 2_040 },
        { "expiry before the queue ahead clears", 100, 100, 6_000, 10, 5, 622.2, 100 },
        { "half a message a second is kept exactly", 10, 10, 0, 0.5, null, 20, 0 },
        { "pacing off", 10_000, 10_000, 500, null, 1, null, 0 },
        { "nobody on the channel", 0, 0, 300, 30, 1, 10.2, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eta_is_the_pacing_bound_of_what_is_queued_ahead_and_the_broadcast_itself(
        string @case, int recipients, long units, long ahead, double? rate, double? expiryMinutes, double? seconds, int notReached)
    {
        var eta = ChannelEta.Of("sms", recipients, units, ahead, rate, expiryMinutes is { } m ? TimeSpan.FromMinutes(m) : null);

        Assert.Equal(seconds, eta.Eta?.TotalSeconds is { } s ? Math.Round(s, 2) : null);
        Assert.Equal(notReached, eta.NotReached);
        Assert.Equal(notReached > 0, eta.Warning is not null);
        _ = @case;
    }

    [Fact]
    public void The_warning_says_how_many_would_not_be_reached_and_how_long_it_takes()
    {
        var eta = ChannelEta.Of("sms", 4_000, 12_000, 0, 10, TimeSpan.FromMinutes(10));

        Assert.Equal("sms: 2040 of 4000 recipients would not be reached before expiresAt (sending everything takes about 21 min at 10/s); set a later expiresAt or narrow the audience", eta.Warning);
    }
}
