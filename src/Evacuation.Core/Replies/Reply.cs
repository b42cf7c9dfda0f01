using System.Globalization;
using Evacuation.Core.Channels;

namespace Evacuation.Core.Replies;

/// <summary>
/// One stored inbound message, unique on (<see cref="Channel"/>, <see cref="ProviderKey"/>). Stored first and
/// answered 200 at once; interpreted right after from this row (docs/architecture.md, "How a reply travels"), so a crash between
/// the two loses nothing: <see cref="InterpretedAt"/> is still empty and the interpreter picks it up.
/// </summary>
public sealed class Reply
{
    public long Id { get; set; }

    public ChannelKind Channel { get; set; }

    public string ProviderKey { get; set; } = "";

    public long? UpdateId { get; set; }

    public InboundKind Kind { get; set; }

    public Guid? CitizenId { get; set; }

    /// <summary>Chat id or E.164 phone of the sender; for a check-in page press, the citizen's id.</summary>
    public string From { get; set; } = "";

    /// <summary>The Telegram chat the reply came from; null for SMS.</summary>
    public long? ChatId =>
        Channel == ChannelKind.Telegram && long.TryParse(From, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null;

    public string Text { get; set; } = "";

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>A shared contact's phone (Telegram), E.164.</summary>
    public string? ContactPhone { get; set; }

    public string? CallbackQueryId { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime? InterpretedAt { get; set; }

    /// <summary>What the parser understood (<see cref="ReplyMeaning.ToString"/>), or why it was set aside.</summary>
    public string? Meaning { get; set; }

    /// <summary>Not understood, or from an unknown sender: shown in <c>GET /api/replies?unhandled=true</c>.</summary>
    public bool Unhandled { get; set; }

    /// <summary>The operator key that entered it through the sandbox; null when the citizen sent it.</summary>
    public string? EnteredBy { get; set; }

    public static Reply Of(InboundMessage message, DateTime now) => new()
    {
        Channel = message.Channel,
        ProviderKey = message.ProviderKey,
        UpdateId = message.UpdateId,
        Kind = message.Kind,
        CitizenId = message.CitizenId,
        From = message.ChatId is { } chat ? chat.ToString(CultureInfo.InvariantCulture) : message.CitizenId?.ToString("N") ?? message.Phone ?? "",
        ContactPhone = message.ChatId is null ? null : message.Phone,
        Text = InboundMessage.Clip(message.Text),
        Latitude = message.Latitude,
        Longitude = message.Longitude,
        CallbackQueryId = message.CallbackQueryId,
        Meaning = message.Note,
        EnteredBy = message.EnteredBy,
        ReceivedAt = now,
    };
}
