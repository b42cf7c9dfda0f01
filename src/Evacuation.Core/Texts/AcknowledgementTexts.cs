namespace Evacuation.Core.Texts;

/// <summary>
/// The answers to recognised replies in one language. Short, because Hebrew and Cyrillic SMS are UCS-2
/// (70 characters a segment), but always a whole, warm sentence. Opt-in and opt-out keywords stay in Latin
/// letters (START, STOP) because every phone can type them and every carrier recognises them.
/// </summary>
public sealed record AcknowledgementTexts
{
    public required string Departed { get; init; }

    public required string OnTheWay { get; init; }

    public required string Staying { get; init; }

    /// <summary>Ends with what to do in immediate danger; the hotline, when there is one, is added after it.</summary>
    public required string NeedsHelp { get; init; }

    /// <summary>Heads a route answer; the route itself follows.</summary>
    public required string Route { get; init; }

    public required string Stop { get; init; }

    public required string Start { get; init; }

    /// <summary>Sent in the newly chosen language, naming it.</summary>
    public required string LanguageChanged { get; init; }

    /// <summary>Sent when LANG came without a language we write in: lists the four LANG commands.</summary>
    public required string LanguageQuestion { get; init; }

    public required string Join { get; init; }

    /// <summary>The caller appends the reply-code line.</summary>
    public required string Unknown { get; init; }
}
