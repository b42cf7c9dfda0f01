using System.Globalization;
using System.Text.Json;
using Evacuation.Core.Channels;
using Evacuation.Core.Replies;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Evacuation.Channels.Telegram;

/// <summary>
/// Reads one Telegram update (https://core.telegram.org/bots/api#update) into an <see cref="InboundMessage"/>.
/// Only private chats carry citizens' replies; group and channel posts, edited messages, stickers and photos are
/// kept as <see cref="InboundKind.Ignored"/> so nothing is lost and nothing changes a status.
/// </summary>
public static class TelegramInbound
{
    /// <summary>Telegram.Bot's own serializer settings: snake_case names, unix dates, polymorphic members.</summary>
    public static JsonSerializerOptions JsonOptions => JsonBotAPI.Options;

    /// <summary>Null when <paramref name="json"/> is not an update at all (malformed, or without update_id).</summary>
    public static InboundMessage? Parse(string json)
    {
        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(json, JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
        return update is null || update.Id <= 0 ? null : Read(update);
    }

    public static InboundMessage Read(Update update)
    {
        var key = update.Id.ToString(CultureInfo.InvariantCulture);
        if (update.CallbackQuery is { } callback)
        {
            return callback.Message is { } shown && shown.Chat.Type != ChatType.Private
                ? Ignored(update, "button pressed in a group")
                : new(ChannelKind.Telegram, key, InboundKind.Button)
                {
                    UpdateId = update.Id,
                    ChatId = callback.Message?.Chat.Id ?? callback.From.Id,
                    Text = InboundMessage.Clip(callback.Data),
                    CallbackQueryId = callback.Id,
                };
        }
        if (update.MyChatMember is { } member)
        {
            return member.Chat.Type == ChatType.Private && member.NewChatMember.Status == ChatMemberStatus.Kicked
                ? new(ChannelKind.Telegram, key, InboundKind.Blocked) { UpdateId = update.Id, ChatId = member.Chat.Id }
                : Ignored(update, "chat membership changed", member.Chat.Type == ChatType.Private ? member.Chat.Id : null);
        }
        if (update.EditedMessage is not null || update.EditedChannelPost is not null)
        {
            // An edit would replay an old answer (or change it after it was acted on): the first version counts.
            return Ignored(update, "edited message");
        }
        if (update.ChannelPost is not null)
        {
            return Ignored(update, "channel post");
        }
        if (update.Message is not { } message)
        {
            return Ignored(update, "update of a kind we do not use");
        }
        return message.Chat.Type == ChatType.Private ? ReadMessage(update, message) : Ignored(update, "message in a group");
    }

    /// <summary>A message in a private chat: a shared contact, a shared location, text, or something we do not read.</summary>
    static InboundMessage ReadMessage(Update update, Message message)
    {
        var key = update.Id.ToString(CultureInfo.InvariantCulture);
        var chatId = message.Chat.Id;
        if (message.Contact is { } contact)
        {
            // Only the sender's own number binds the chat: a forwarded card of someone else proves nothing.
            if (contact.UserId != message.From?.Id)
            {
                return Ignored(update, "someone else's contact", chatId);
            }
            var digits = contact.PhoneNumber.Trim();
            return new(ChannelKind.Telegram, key, InboundKind.Contact)
            {
                UpdateId = update.Id,
                ChatId = chatId,
                Phone = digits.StartsWith('+') ? digits : "+" + digits,
            };
        }
        if (message.Location is { } location)
        {
            return new(ChannelKind.Telegram, key, InboundKind.Location)
            {
                UpdateId = update.Id,
                ChatId = chatId,
                Latitude = location.Latitude,
                Longitude = location.Longitude,
            };
        }
        if (message.Text is { } text)
        {
            return new(ChannelKind.Telegram, key, InboundKind.Text) { UpdateId = update.Id, ChatId = chatId, Text = InboundMessage.Clip(text) };
        }
        return Ignored(update, message.Type.ToString().ToLowerInvariant() + " message", chatId);
    }

    static InboundMessage Ignored(Update update, string note, long? chatId = null) =>
        new(ChannelKind.Telegram, update.Id.ToString(CultureInfo.InvariantCulture), InboundKind.Ignored) { UpdateId = update.Id, Note = note, ChatId = chatId };
}
