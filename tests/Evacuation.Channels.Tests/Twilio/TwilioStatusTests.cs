using Evacuation.Channels.Twilio;

namespace Evacuation.Channels.Tests.Twilio;

public sealed class TwilioStatusTests
{
    [Theory]
    [InlineData("queued", null, SmsDeliveryState.Sending)]
    [InlineData("accepted", null, SmsDeliveryState.Sending)]
    [InlineData("sending", null, SmsDeliveryState.Sending)]
    [InlineData("sent", null, SmsDeliveryState.Sent)]
    [InlineData("delivered", null, SmsDeliveryState.Delivered)]
    [InlineData("Delivered", null, SmsDeliveryState.Delivered)]
    [InlineData("undelivered", "30003", SmsDeliveryState.Failed)]
    [InlineData("undelivered", "30004", SmsDeliveryState.Failed)]
    [InlineData("undelivered", "30005", SmsDeliveryState.Undeliverable)]
    [InlineData("undelivered", "30006", SmsDeliveryState.Undeliverable)]
    [InlineData("failed", "30007", SmsDeliveryState.Failed)]
    [InlineData("failed", "30008", SmsDeliveryState.Failed)]
    [InlineData("failed", "30006", SmsDeliveryState.Undeliverable)]
    [InlineData("failed", null, SmsDeliveryState.Failed)]
    [InlineData("received", null, null)]
    [InlineData("nonsense", null, null)]
    [InlineData(null, null, null)]
    public void A_status_callback_is_read_as_a_delivery_state(string? status, string? errorCode, SmsDeliveryState? expected) =>
        Assert.Equal(expected, TwilioStatus.Read(status, errorCode));

    [Theory]
    [InlineData(SmsDeliveryState.Pending, SmsDeliveryState.Sent, true)]
    [InlineData(SmsDeliveryState.Sending, SmsDeliveryState.Sent, true)]
    [InlineData(SmsDeliveryState.Sent, SmsDeliveryState.Delivered, true)]
    [InlineData(SmsDeliveryState.Sent, SmsDeliveryState.Failed, true)]
    [InlineData(SmsDeliveryState.Sending, SmsDeliveryState.Undeliverable, true)]
    [InlineData(SmsDeliveryState.Sent, SmsDeliveryState.Sent, false)]
    [InlineData(SmsDeliveryState.Sent, SmsDeliveryState.Sending, false)]
    [InlineData(SmsDeliveryState.Delivered, SmsDeliveryState.Sent, false)]
    [InlineData(SmsDeliveryState.Delivered, SmsDeliveryState.Failed, false)]
    [InlineData(SmsDeliveryState.Failed, SmsDeliveryState.Delivered, false)]
    [InlineData(SmsDeliveryState.Undeliverable, SmsDeliveryState.Delivered, false)]
    public void Status_only_moves_forward_and_never_leaves_a_final_state(SmsDeliveryState current, SmsDeliveryState next, bool moves) =>
        Assert.Equal(moves, TwilioStatus.MovesForward(current, next));
}
