namespace Evacuation.Core.Deliveries;

/// <summary>The keyboards a Telegram message may carry besides the 1-4 reply buttons, by the name stored on the delivery.</summary>
public static class Keyboards
{
    /// <summary>One button that shares the citizen's phone number (request_contact).</summary>
    public const string Contact = "contact";

    /// <summary>One button that shares the citizen's location (request_location).</summary>
    public const string Location = "location";

    /// <summary>Inline buttons for our four languages; a press arrives as <c>lang:xx</c>.</summary>
    public const string Language = "language";

    public const string LanguagePrefix = "lang:";
}
