using Evacuation.Core.Broadcasts;
using Evacuation.Core.Deliveries;
using Evacuation.Core.Routes;
using Evacuation.Core.Texts;

namespace Evacuation.Core.Replies;

/// <summary>
/// What a citizen is sent when they ask for their route (ROUTE) or share a location: the decision says which case it
/// is, this says it in their language (<see cref="Wordings"/>).
/// </summary>
public static class RouteAnswer
{
    /// <summary>
    /// <paramref name="crossing"/> is the one now chosen for the citizen, measured from <paramref name="from"/>:
    /// <list type="bullet">
    /// <item>a crossing: their RouteInstructions, "Your border crossing as of HH:MM Kyiv time: ...", with the reply codes;</item>
    /// <item>no <paramref name="from"/> (no location, unknown region): that we do not know where they are and how to tell us
    /// (on Telegram with the 📍 button);</item>
    /// <item>a place but no crossing (every crossing closed): stay safe and wait, reply 4 in danger.</item>
    /// </list>
    /// </summary>
    public static (string Text, string? Keyboard) For(
        Crossing? crossing, Origin? from, string language, bool telegram, Signature signature, DateTime at)
    {
        var wording = Wordings.For(language);
        if (from is not { } origin)
        {
            return telegram
                ? (wording.NoLocationTelegram, Keyboards.Location)
                : (Joined(wording.NoLocationSms, signature.HotlineIn(language)), null);
        }
        if (crossing is null)
        {
            return (WaitForInstructions.Text(language, signature, at), null);
        }
        var values = new MessageValues(language, "", crossing.DisplayName(language), RouteDirections.Describe(crossing, origin, language))
        {
            Signature = signature,
            At = at,
        };
        return (BuiltInTemplates.Render(BuiltInTemplate.RouteInstructions, values), null);
    }

    /// <summary>Enrolment's last question, above the 📍 button: send us your location.</summary>
    public static (string Text, string Keyboard) AskForLocation(string language) => (Wordings.For(language).LocationPrompt, Keyboards.Location);

    static string Joined(string text, string hotline) => hotline.Length == 0 ? text : text + " " + hotline;
}
