using Evacuation.Core.Channels;
using Evacuation.Core.Replies;

namespace Evacuation.Channels.Twilio;

/// <summary>
/// Reads Twilio's inbound-message webhook form (https://www.twilio.com/docs/messaging/guides/webhook-request)
/// into an <see cref="InboundMessage"/>. Media (MMS pictures) are not kept: only the text matters to us.
/// </summary>
public static class TwilioInbound
{
    /// <summary>Null when the form lacks a MessageSid or a sender: not an inbound message.</summary>
    public static InboundMessage? Read(IReadOnlyList<KeyValuePair<string, string>> form, string defaultRegion)
    {
        var sid = Value(form, "MessageSid") ?? Value(form, "SmsSid");
        var from = Value(form, "From");
        if (string.IsNullOrWhiteSpace(sid) || sid.Length > 64 || string.IsNullOrWhiteSpace(from))
        {
            return null;
        }
        var phone = Core.Citizens.PhoneNumber.TryNormalize(from, defaultRegion, out var e164, out _) ? e164 : from.Trim();
        var media = int.TryParse(Value(form, "NumMedia"), out var count) ? count : 0;
        return new InboundMessage(ChannelKind.Sms, sid.Trim(), InboundKind.Text)
        {
            Phone = phone.Length > 20 ? phone[..20] : phone,
            Text = InboundMessage.Clip(Value(form, "Body")),
            Note = media > 0 ? $"with {media} media" : null,
        };
    }

    static string? Value(IReadOnlyList<KeyValuePair<string, string>> form, string name)
    {
        foreach (var pair in form)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }
        return null;
    }
}
