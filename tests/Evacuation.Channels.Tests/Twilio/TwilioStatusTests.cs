using Evacuation.Channels.Twilio;
using Evacuation.Core.Deliveries;

namespace Evacuation.Channels.Tests.Twilio;

public sealed class TwilioStatusTests
{
    [Theory]
    [InlineData("queued", null, DeliveryState.Sending)]
    [InlineData("accepted", null, DeliveryState.Sending)]
    [InlineData("sending", null, DeliveryState.Sending)]
    [InlineData("sent", null, DeliveryState.Sent)]
    [InlineData("delivered", null, DeliveryState.Delivered)]
    [InlineData("Delivered", null, DeliveryState.Delivered)]
    [InlineData("undelivered", "30003", DeliveryState.Failed)]
    [InlineData("undelivered", "30004", DeliveryState.Failed)]
    [InlineData("undelivered", "30005", DeliveryState.Undeliverable)]
    [InlineData("undelivered", "30006", DeliveryState.Undeliverable)]
    [InlineData("failed", "30007", DeliveryState.Failed)]
    [InlineData("failed", "30008", DeliveryState.Failed)]
    [InlineData("failed", "30006", DeliveryState.Undeliverable)]
    [InlineData("failed", null, DeliveryState.Failed)]
    [InlineData("received", null, null)]
    [InlineData("nonsense", null, null)]
    [InlineData(null, null, null)]
    public void A_status_callback_is_read_as_a_delivery_state(string? status, string? errorCode, DeliveryState? expected) =>
        Assert.Equal(expected, TwilioStatus.Read(status, errorCode));
}
