using Evacuation.Core.Citizens;

namespace Evacuation.Core.Replies;

/// <summary>What we answer to a reply, in the citizen's language (CONTRACT.md section 4: every recognised reply is
/// acknowledged). For <see cref="ReplyKind.Unknown"/> the caller appends the list of reply codes.</summary>
public static class Acknowledgements
{
    /// <summary>
    /// The acknowledgement of <paramref name="meaning"/> in <paramref name="language"/> (any case; English when the
    /// code is not one we write in). A language change is confirmed in the newly chosen language.
    /// </summary>
    public static string For(ReplyMeaning meaning, string language)
    {
        var chosen = meaning is { Kind: ReplyKind.Language, Language: { } requested } ? requested : language;
        var texts = TextsIn(chosen);
        return meaning.Kind switch
        {
            ReplyKind.Status => meaning.Status switch
            {
                JourneyStatus.Departed => texts.Departed,
                JourneyStatus.OnTheWay => texts.OnTheWay,
                JourneyStatus.Staying => texts.Staying,
                JourneyStatus.NeedsHelp => texts.NeedsHelp,
                _ => texts.Unknown,
            },
            ReplyKind.Route => texts.Route,
            ReplyKind.Stop => texts.Stop,
            ReplyKind.Start => texts.Start,
            ReplyKind.Language => meaning.Language is null ? texts.LanguageQuestion : texts.LanguageChanged,
            ReplyKind.Join => texts.Join,
            _ => texts.Unknown,
        };
    }

    private static AcknowledgementTexts TextsIn(string language)
    {
        var code = Citizens.Language.TryParse(language, out var parsed) ? parsed : Citizens.Language.English;
        return code switch
        {
            Citizens.Language.Hebrew => HebrewAcknowledgements.Texts,
            Citizens.Language.Russian => RussianAcknowledgements.Texts,
            Citizens.Language.Ukrainian => UkrainianAcknowledgements.Texts,
            _ => EnglishAcknowledgements.Texts,
        };
    }
}
