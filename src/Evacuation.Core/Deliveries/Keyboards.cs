namespace Evacuation.Core.Deliveries;

/// <summary>
/// The keyboards a Telegram message may carry besides the 1-4 reply buttons, by the name stored on the delivery, and
/// the callback data their buttons send back (https://core.telegram.org/bots/api#inlinekeyboardbutton).
/// </summary>
public static class Keyboards
{
    /// <summary>One button that shares the citizen's phone number (request_contact).</summary>
    public const string Contact = "contact";

    /// <summary>One button that shares the citizen's location (request_location).</summary>
    public const string Location = "location";

    /// <summary>Inline buttons for our four languages; a press arrives as <c>lang:xx</c>.</summary>
    public const string Language = "language";

    public const string LanguagePrefix = "lang:";

    /// <summary>The reply buttons under an advisory: a press arrives as <c>reply:1</c>..<c>reply:4</c>.</summary>
    public const string ReplyPrefix = "reply:";

    /// <summary>The reply code in a button press's data, or null when the data is not one of our reply buttons.</summary>
    public static int? ReplyCodeOf(string? callbackData) =>
        callbackData is { Length: 7 } && callbackData.StartsWith(ReplyPrefix, StringComparison.Ordinal) && callbackData[6] is >= '1' and <= '4'
            ? callbackData[6] - '0'
            : null;
}
