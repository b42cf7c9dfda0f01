using Evacuation.Core.Texts;

namespace Evacuation.Core.Broadcasts;

/// <summary>
/// Who speaks in our messages and how a citizen can check it is us (<c>Messages:SenderName</c>,
/// <c>Messages:SenderNames</c>, <c>Messages:Hotline</c>). The sender opens every advisory, reminder and route message,
/// so a message without it stands out; the hotline is a number the citizen can call to check.
/// </summary>
/// <param name="SenderName">The name for every language without a name of its own; empty for the built-in "Evacuation notice".</param>
/// <param name="SenderNames">The name by language code, where it is written differently (e.g. in Hebrew letters).</param>
/// <param name="Hotline">A phone number citizens can call, or empty.</param>
public sealed record Signature(string SenderName, IReadOnlyDictionary<string, string> SenderNames, string Hotline)
{
    /// <summary>No sender configured: each language's built-in word for an evacuation notice, and no hotline.</summary>
    public static Signature None { get; } = new("", new Dictionary<string, string>(), "");

    public string SenderIn(string language)
    {
        if (SenderNames.TryGetValue(Wordings.For(language).Language, out var name) && !string.IsNullOrWhiteSpace(name))
        {
            return name.Trim();
        }
        return string.IsNullOrWhiteSpace(SenderName) ? Wordings.For(language).DefaultSender : SenderName.Trim();
    }

    /// <summary>
    /// <c>Web:PublicBaseUrl</c>: where citizens' check-in pages are served, so messages can carry each citizen's link;
    /// empty leaves the links out.
    /// </summary>
    public string CheckInBaseUrl { get; init; } = "";

    /// <summary>"Hotline +380 44 000 0000." in <paramref name="language"/>, or empty when there is no hotline.</summary>
    public string HotlineIn(string language) =>
        string.IsNullOrWhiteSpace(Hotline) ? "" : Wordings.For(language).Hotline(Hotline.Trim());
}
