using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Texts;

namespace Evacuation.Core.Routes;

/// <summary>
/// What citizens are told when every crossing is closed and none can be given to them: stay somewhere safe, wait
/// for a new route, reply 4 in danger, and the reply codes. Rendered here (it names no crossing), so it can be sent
/// as written.
/// </summary>
public static class WaitForInstructions
{
    public static string Text(string language, Signature signature, DateTime? at = null) =>
        MessageTemplate.Render(Wordings.For(language).WaitForInstructions, new MessageValues(language) { Signature = signature, At = at });

    /// <summary>The text in each of our languages, for a broadcast that reaches citizens of all of them.</summary>
    public static IReadOnlyDictionary<string, string> Texts(Signature signature) =>
        Language.All.ToDictionary(language => language, language => Text(language, signature));
}
