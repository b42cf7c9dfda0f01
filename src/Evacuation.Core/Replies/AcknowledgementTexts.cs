namespace Evacuation.Core.Replies;

/// <summary>
/// The answers to recognised replies in one language. Short, because Hebrew and Cyrillic SMS are UCS-2
/// (70 characters a segment), but always a whole, warm sentence. Opt-in and opt-out keywords stay in Latin
/// letters (START, STOP) because every phone can type them and every carrier recognises them.
/// </summary>
internal sealed record AcknowledgementTexts
{
    public required string Departed { get; init; }

    public required string OnTheWay { get; init; }

    public required string Staying { get; init; }

    public required string NeedsHelp { get; init; }

    public required string Route { get; init; }

    public required string Stop { get; init; }

    public required string Start { get; init; }

    /// <summary>Sent in the newly chosen language, naming it.</summary>
    public required string LanguageChanged { get; init; }

    /// <summary>Sent when LANG came without a language we write in.</summary>
    public required string LanguageQuestion { get; init; }

    public required string Join { get; init; }

    /// <summary>The caller appends the list of reply codes.</summary>
    public required string Unknown { get; init; }
}
