using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;

namespace Evacuation.Core.Tests.Deliveries;

public sealed class NextStepTests
{
    static readonly DateTime Now = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
    static readonly DateTime? Deadline = null;

    public static Labelled<SendResult, DeliveryState, bool, bool> Outcomes => new()
    {
        { "accepted", SendResult.Sent("m1"), DeliveryState.Sent, false, false },
        { "chat not found", SendResult.Permanent("chat not found"), DeliveryState.Failed, false, false },
        { "bot blocked", SendResult.Unreachable("blocked"), DeliveryState.Undeliverable, true, false },
        { "bad token", SendResult.Misconfigured("401"), DeliveryState.Pending, false, true },
        { "429", SendResult.Retry("429", TimeSpan.FromSeconds(3)), DeliveryState.Pending, false, false },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Each_outcome_leads_to_its_state(SendResult result, DeliveryState state, bool unreachable, bool stop)
    {
        var next = NextStep.After(result, 1, Now, Deadline);
        Assert.Equal(state, next.State);
        Assert.Equal(unreachable, next.MarkUnreachable);
        Assert.Equal(stop, next.StopChannel);
    }

    [Fact]
    public void A_retry_waits_for_the_providers_retry_after() =>
        Assert.Equal(Now.AddSeconds(7), NextStep.After(SendResult.Retry("429", TimeSpan.FromSeconds(7)), 1, Now, Deadline).RetryAt);

    [Fact]
    public void A_retry_that_would_land_after_the_expiry_ends_expired_not_failed()
    {
        var next = NextStep.After(SendResult.Retry("502"), 3, Now, Now.AddSeconds(5));
        Assert.Equal(DeliveryState.Expired, next.State);
        Assert.StartsWith("expired", NextStep.GaveUp(next.State, 3, "502"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_expiry_a_retry_is_never_given_up_for_time_however_late()
    {
        var next = NextStep.After(SendResult.Retry("502"), 5, Now.AddDays(2), null);
        Assert.Equal(DeliveryState.Pending, next.State);
    }

    [Fact]
    public void A_provider_that_keeps_refusing_fails_the_message_after_the_retries_own_limit_with_the_reason()
    {
        var next = NextStep.After(SendResult.Retry("502"), RetryBackoff.MostAttempts, Now, null);
        Assert.Equal(DeliveryState.Failed, next.State);
        Assert.Equal($"gave up after {RetryBackoff.MostAttempts} attempts (last: 502)", NextStep.GaveUp(next.State, RetryBackoff.MostAttempts, "502"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(600, 600)]
    [InlineData(36_000, 14_400)]
    [InlineData(-5, 1)]
    public void An_sms_is_valid_at_twilio_until_its_expiry_capped_at_the_providers_maximum(int? secondsLeft, int? validity) =>
        Assert.Equal(validity, Expiries.SmsValiditySeconds(secondsLeft is { } s ? Now.AddSeconds(s) : null, Now));

    [Theory]
    [InlineData(-1, 0, "in the past")]
    [InlineData(30, 60, "not after sendAt")]
    [InlineData(60 * 24 * 8, 0, "more than 7 days")]
    [InlineData(60, 0, null)]
    public void An_operators_expiry_must_be_ahead_after_the_start_and_not_absurdly_far(int expiresInMinutes, int startsInMinutes, string? problem)
    {
        var error = Expiries.Check(Now.AddMinutes(expiresInMinutes), Now.AddMinutes(startsInMinutes), Now);
        if (problem is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(problem, error, StringComparison.Ordinal);
        }
    }
}
