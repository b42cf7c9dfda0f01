namespace Evacuation.Core.Deliveries;

/// <summary>
/// The Telegram keyboards a message may carry, by the name stored on the delivery, and the callback data their
/// buttons send back (https://core.telegram.org/bots/api#inlinekeyboardbutton). The name may carry the citizen's
/// language after a colon ("location:uk"), so the buttons speak it; a name without one gets English labels.
/// </summary>
public static class Keyboards
{
    /// <summary>One button that shares the citizen's phone number (request_contact).</summary>
    public const string Contact = "contact";

    /// <summary>One button that shares the citizen's location (request_location).</summary>
    public const string Location = "location";

    /// <summary>Inline buttons for our four languages; a press arrives as <c>lang:xx</c>.</summary>
    public const string Language = "language";

    /// <summary>The inline buttons for reply codes 1-4 (with <see cref="Delivery.WithReplyButtons"/>), here only to carry their language.</summary>
    public const string ReplyCodes = "replies";

    public const string LanguagePrefix = "lang:";

    /// <summary>The reply buttons under an advisory: a press arrives as <c>reply:1</c>..<c>reply:4</c>.</summary>
    public const string ReplyPrefix = "reply:";

    /// <summary>The reply code in a button press's data, or null when the data is not one of our reply buttons.</summary>
    public static int? ReplyCodeOf(string? callbackData) =>
        callbackData is { Length: 7 } && callbackData.StartsWith(ReplyPrefix, StringComparison.Ordinal) && callbackData[6] is >= '1' and <= '4'
            ? callbackData[6] - '0'
            : null;

    /// <summary>"location:uk": <paramref name="keyboard"/> labelled in <paramref name="language"/>.</summary>
    public static string In(string keyboard, string language) => $"{keyboard}:{language}";

    /// <summary>The keyboard's name and the language of its labels (null when it names none).</summary>
    public static (string? Name, string? Language) Read(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return (null, null);
        }
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (stored, null) : (stored[..colon], stored[(colon + 1)..]);
    }
}
