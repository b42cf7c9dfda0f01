using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;

namespace Evacuation.Core.Tests.Deliveries;

public sealed class NextStepTests
{
    static readonly DateTime Now = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
    static readonly DateTime Deadline = Now.AddMinutes(30);

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
    public void A_retry_that_would_land_after_the_deadline_gives_up()
    {
        var next = NextStep.After(SendResult.Retry("502"), 3, Now, Now.AddSeconds(5));
        Assert.Equal(DeliveryState.Failed, next.State);
    }
}
