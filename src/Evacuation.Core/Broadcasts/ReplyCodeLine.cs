using Evacuation.Core.Texts;

namespace Evacuation.Core.Broadcasts;

/// <summary>
/// The one-line list of replies a citizen can send (1 out of Ukraine, 2 on the way, 3 staying, 4 need help, ROUTE,
/// STOP), written in their language. It ends every built-in message and answers any reply we could not understand.
/// Not to be confused with <c>Replies.ReplyCodes</c>, which reads a code out of a reply.
/// </summary>
/// <remarks>
/// ROUTE and STOP are written in Latin letters in every language: the reply parser accepts them everywhere, and
/// Twilio's own opt-out handling only recognises the English keywords (STOP, UNSUBSCRIBE, ...), so the word we
/// teach is one that stops messages at the carrier too.
/// https://help.twilio.com/articles/223134027-Twilio-support-for-opt-out-keywords-SMS-STOP-filtering-
/// </remarks>
public static class ReplyCodeLine
{
    /// <summary>The reply codes in <paramref name="language"/> ("en", "he", "ru", "uk"); English for any other code.</summary>
    public static string For(string? language) => Wordings.For(language).ReplyCodeLine;
}
