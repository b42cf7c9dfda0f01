using Evacuation.Core.Deliveries;

namespace Evacuation.Core.Tests.Deliveries;

public sealed class KeyboardsTests
{
    [Theory]
    [InlineData("reply:1", 1)]
    [InlineData("reply:4", 4)]
    [InlineData("reply:5", null)]
    [InlineData("reply:", null)]
    [InlineData("other:1", null)]
    [InlineData(null, null)]
    public void A_button_press_is_read_back_as_its_reply_code(string? data, int? code) =>
        Assert.Equal(code, Keyboards.ReplyCodeOf(data));
}
