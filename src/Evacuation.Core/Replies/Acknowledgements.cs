using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Texts;

namespace Evacuation.Core.Replies;

/// <summary>What we answer to a reply, in the citizen's language (every recognised reply is acknowledged). For
/// <see cref="ReplyKind.Unknown"/> the caller appends the reply-code line. The texts are in <see cref="Wordings"/>.</summary>
public static class Acknowledgements
{
    /// <summary>
    /// The acknowledgement of <paramref name="meaning"/> in <paramref name="language"/> (any case; English when the
    /// code is not one we write in). A language change is confirmed in the newly chosen language. An answer to a call
    /// for help ends with the hotline of <paramref name="signature"/>, when there is one.
    /// </summary>
    public static string For(ReplyMeaning meaning, string language, Signature? signature = null)
    {
        var chosen = meaning is { Kind: ReplyKind.Language, Language: { } requested } ? requested : language;
        var texts = Wordings.For(chosen).Acknowledgements;
        return meaning.Kind switch
        {
            ReplyKind.Status => meaning.Status switch
            {
                JourneyStatus.Departed => texts.Departed,
                JourneyStatus.OnTheWay => texts.OnTheWay,
                JourneyStatus.Staying => texts.Staying,
                JourneyStatus.NeedsHelp => WithHotline(texts.NeedsHelp, chosen, signature),
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

    static string WithHotline(string text, string language, Signature? signature) =>
        signature?.HotlineIn(language) is { Length: > 0 } hotline ? text + " " + hotline : text;
}
