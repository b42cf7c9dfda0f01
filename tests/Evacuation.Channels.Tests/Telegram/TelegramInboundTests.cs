using Evacuation.Channels.Telegram;
using Evacuation.Core.Replies;

namespace Evacuation.Channels.Tests.Telegram;

/// <summary>Recorded, scrubbed Telegram updates read into inbound messages: only private chats carry replies.</summary>
public sealed class TelegramInboundTests
{
    public static TheoryData<string, InboundKind, string> Payloads => new()
    {
        { "text.json", InboundKind.Text, "Я вже виїхала 🙏" },
        { "callback_query.json", InboundKind.Button, "reply:2" },
        { "contact.json", InboundKind.Contact, "" },
        { "location.json", InboundKind.Location, "" },
        { "edited_message.json", InboundKind.Ignored, "" },
        { "sticker.json", InboundKind.Ignored, "" },
        { "group_message.json", InboundKind.Ignored, "" },
        { "my_chat_member_blocked.json", InboundKind.Blocked, "" },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Each_recorded_update_is_read_as_the_right_kind(string file, InboundKind kind, string text)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Telegram", "Payloads", file));

        var message = TelegramInbound.Parse(json);

        Assert.NotNull(message);
        Assert.Equal(kind, message.Kind);
        Assert.Equal(text, message.Text);
        Assert.NotNull(message.UpdateId);
    }

    [Fact]
    public void A_shared_contact_carries_the_phone_in_e164()
    {
        var message = TelegramInbound.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Telegram", "Payloads", "contact.json")));

        Assert.Equal("+380500000001", message!.Phone);
        Assert.Equal(4001, message.ChatId);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"message\":{}}")]
    [InlineData("[]")]
    public void Malformed_bodies_are_not_updates(string body) => Assert.Null(TelegramInbound.Parse(body));
}
