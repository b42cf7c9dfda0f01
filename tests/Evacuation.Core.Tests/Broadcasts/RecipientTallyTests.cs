using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Deliveries;

namespace Evacuation.Core.Tests.Broadcasts;

public sealed class RecipientTallyTests
{
    static readonly DateTime T = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);
    const ChannelKind Tg = ChannelKind.Telegram;
    const ChannelKind Sms = ChannelKind.Sms;
    const RecipientCounts Sent = RecipientCounts.Sent;

    public static TheoryData<string, (ChannelKind, DeliveryState, int?)[], JourneyStatus, int?, int?, RecipientCounts> Cases => new()
    {
        // case; deliveries (channel, state, sent at minute); status now; last status change and last reply (minute); counts
        { "nothing yet", [(Tg, DeliveryState.Pending, null)], JourneyStatus.Unconfirmed, null, null, RecipientCounts.None },
        { "being sent", [(Sms, DeliveryState.Sending, null)], JourneyStatus.Unconfirmed, null, null, RecipientCounts.None },
        { "sent by SMS", [(Sms, DeliveryState.Sent, 0)], JourneyStatus.Unconfirmed, null, null, Sent },
        { "SMS receipt", [(Sms, DeliveryState.Delivered, 0)], JourneyStatus.Unconfirmed, null, null, Sent | RecipientCounts.Delivered },
        { "Telegram, replied after", [(Tg, DeliveryState.Sent, 0)], JourneyStatus.Unconfirmed, null, 1, Sent | RecipientCounts.Delivered },
        { "Telegram, replied before only", [(Tg, DeliveryState.Sent, 5)], JourneyStatus.Unconfirmed, null, 1, Sent },
        { "SMS, a reply is no receipt", [(Sms, DeliveryState.Sent, 0)], JourneyStatus.Unconfirmed, null, 1, Sent },
        { "Departed after the send", [(Sms, DeliveryState.Sent, 0)], JourneyStatus.Departed, 2, null, Sent | RecipientCounts.Confirmed },
        { "Departed before the send", [(Sms, DeliveryState.Sent, 3)], JourneyStatus.Departed, 2, null, Sent },
        { "changed after the send, now staying", [(Sms, DeliveryState.Sent, 0)], JourneyStatus.Staying, 2, null, Sent },
        { "confirmed from the first send of two", [(Tg, DeliveryState.Failed, 0), (Sms, DeliveryState.Sent, 5)], JourneyStatus.Departed, 2, null, Sent | RecipientCounts.Confirmed },
        { "Telegram failed, SMS fallback waiting", [(Tg, DeliveryState.Failed, null), (Sms, DeliveryState.Pending, null)], JourneyStatus.Unconfirmed, null, null, RecipientCounts.None },
        { "failed everywhere", [(Tg, DeliveryState.Failed, null), (Sms, DeliveryState.Undeliverable, null)], JourneyStatus.Unconfirmed, null, null, RecipientCounts.Failed },
        { "expired", [(Sms, DeliveryState.Expired, null)], JourneyStatus.Unconfirmed, null, null, RecipientCounts.Expired },
        { "expired and failed", [(Tg, DeliveryState.Failed, null), (Sms, DeliveryState.Expired, null)], JourneyStatus.Unconfirmed, null, null, RecipientCounts.Expired },
        { "cancelled wins over expired", [(Tg, DeliveryState.Cancelled, null), (Sms, DeliveryState.Expired, null)], JourneyStatus.Unconfirmed, null, null, RecipientCounts.Cancelled },
        { "sent wins over cancelled", [(Tg, DeliveryState.Cancelled, null), (Sms, DeliveryState.Sent, 0)], JourneyStatus.Unconfirmed, null, null, Sent },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_recipient_counts_as_a_fresh_count_of_their_deliveries_would(string @case,
        (ChannelKind, DeliveryState, int?)[] deliveries, JourneyStatus status, int? changedAt, int? repliedAt, RecipientCounts expected)
    {
        var facts = RecipientDeliveries.Of(deliveries.Select(d => (d.Item1, d.Item2, At(d.Item3))));
        var counts = RecipientTally.Of(facts, new RecipientFacts(status, At(changedAt), At(repliedAt)));

        Assert.True(expected == counts, $"{@case}: {counts}, expected {expected}");
    }

    [Fact]
    public void An_erased_citizen_or_no_delivery_counts_nothing()
    {
        var sent = RecipientDeliveries.Of([(Sms, DeliveryState.Sent, T)]);

        Assert.Equal(RecipientCounts.None, RecipientTally.Of(sent, null));
        Assert.Null(RecipientDeliveries.Of([]));
        Assert.Equal(RecipientCounts.None, RecipientTally.Of(null, new RecipientFacts(JourneyStatus.Departed, T, T)));
    }

    [Fact]
    public void Moves_are_the_difference_between_two_parts()
    {
        var moves = RecipientTally.Moves(RecipientCounts.Failed, Sent | RecipientCounts.Confirmed);

        Assert.Equal(new CounterMoves(1, 0, -1, 0, 1, 0), moves);
        Assert.True(RecipientTally.Moves(Sent, Sent).IsNone);
    }

    static DateTime? At(int? minute) => minute is { } m ? T.AddMinutes(m) : null;
}
