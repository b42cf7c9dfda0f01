using Evacuation.Core.Deliveries;

namespace Evacuation.Core.Tests.Deliveries;

public sealed class DeliveryMovesTests
{
    [Theory]
    [InlineData(DeliveryState.Pending, DeliveryState.Sending, true)]
    [InlineData(DeliveryState.Pending, DeliveryState.Cancelled, true)]
    [InlineData(DeliveryState.Pending, DeliveryState.Failed, true)]
    [InlineData(DeliveryState.Pending, DeliveryState.Sent, false)]
    [InlineData(DeliveryState.Sending, DeliveryState.Sent, true)]
    [InlineData(DeliveryState.Sending, DeliveryState.Pending, true)]
    [InlineData(DeliveryState.Sending, DeliveryState.Undeliverable, true)]
    [InlineData(DeliveryState.Sent, DeliveryState.Delivered, true)]
    [InlineData(DeliveryState.Sent, DeliveryState.Failed, true)]
    [InlineData(DeliveryState.Sent, DeliveryState.Pending, false)]
    [InlineData(DeliveryState.Sent, DeliveryState.Sending, false)]
    [InlineData(DeliveryState.Delivered, DeliveryState.Sent, false)]
    [InlineData(DeliveryState.Delivered, DeliveryState.Failed, false)]
    [InlineData(DeliveryState.Failed, DeliveryState.Delivered, false)]
    [InlineData(DeliveryState.Cancelled, DeliveryState.Sending, false)]
    [InlineData(DeliveryState.Undeliverable, DeliveryState.Pending, false)]
    public void Status_only_moves_forward(DeliveryState from, DeliveryState to, bool allowed) =>
        Assert.Equal(allowed, DeliveryMoves.CanMove(from, to));

    [Theory]
    [InlineData(DeliveryState.Delivered)]
    [InlineData(DeliveryState.Failed)]
    [InlineData(DeliveryState.Undeliverable)]
    [InlineData(DeliveryState.Cancelled)]
    public void Final_states_are_final(DeliveryState state) => Assert.True(DeliveryMoves.IsFinal(state));
}
