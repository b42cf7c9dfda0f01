using Evacuation.Core.Channels;

namespace Evacuation.Core.Replies;

/// <summary>
/// Something a person sent us, read from a provider's payload (a Twilio inbound SMS form, a Telegram update)
/// before it is stored. <see cref="ProviderKey"/> is the provider's own id for it (MessageSid, update_id), unique
/// per channel, so a replayed webhook or a repeated update has one effect.
/// </summary>
public sealed record InboundMessage(ChannelKind Channel, string ProviderKey, InboundKind Kind)
{
    /// <summary>What the person wrote or the button they pressed (as its reply code text); empty for shared contacts and locations.</summary>
    public string Text { get; init; } = "";

    /// <summary>The sender's E.164 phone (SMS sender, or a contact shared in Telegram).</summary>
    public string? Phone { get; init; }

    /// <summary>Whose check-in page a press came from (<see cref="ChannelKind.Web"/> only).</summary>
    public Guid? CitizenId { get; init; }

    /// <summary>The private chat the update came from (Telegram only).</summary>
    public long? ChatId { get; init; }

    /// <summary>Telegram's update_id, from which the long-polling offset is resumed.</summary>
    public long? UpdateId { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>Why an <see cref="InboundKind.Ignored"/> update is not a reply (group chat, edited message, sticker...).</summary>
    public string? Note { get; init; }

    /// <summary>The Telegram callback query to answer so the button stops spinning.</summary>
    public string? CallbackQueryId { get; init; }

    /// <summary>
    /// The operator key that typed this message in for the citizen through the sandbox (<c>POST /api/sandbox/replies</c>);
    /// null for everything a person actually sent.
    /// </summary>
    public string? EnteredBy { get; init; }

    /// <summary>Texts are kept up to this length: Telegram's own limit (https://core.telegram.org/bots/api#sendmessage).</summary>
    public const int MaxTextLength = 4096;

    /// <summary>
    /// The text as we keep it: at most <see cref="MaxTextLength"/> UTF-16 units, never cut between the two halves of a
    /// character, and any half character on its own (which no database can store) replaced by U+FFFD.
    /// </summary>
    public static string Clip(string? text)
    {
        if (text is null)
        {
            return "";
        }
        if (text.Length > MaxTextLength)
        {
            text = text[..(char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength)];
        }
        return HasBrokenCharacters(text) ? System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text)) : text;
    }

    /// <summary>True when <paramref name="text"/> holds half of a surrogate pair on its own.</summary>
    public static bool HasBrokenCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }
        return false;
    }
}

public enum InboundKind
{
    /// <summary>Typed text.</summary>
    Text,

    /// <summary>An inline button press; <see cref="InboundMessage.Text"/> holds its data.</summary>
    Button,

    /// <summary>A shared phone number (Telegram request_contact).</summary>
    Contact,

    /// <summary>A shared location (Telegram request_location or attachment).</summary>
    Location,

    /// <summary>The citizen blocked the bot (my_chat_member, status "kicked").</summary>
    Blocked,

    /// <summary>Stored so nothing is lost, but not a reply: group and channel posts, edited messages, stickers, photos.</summary>
    Ignored,
}
