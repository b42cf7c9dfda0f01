using System.Text.Json;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Routes;

namespace Evacuation.Host.Broadcasts;

/// <summary>A stored broadcast's texts and audience, read back for fan-out and the estimate.</summary>
public sealed class BroadcastTexts(BroadcastKind kind, IReadOnlyDictionary<string, string> texts)
{
    public BroadcastKind Kind => kind;

    public IReadOnlyDictionary<string, string> Texts => texts;

    /// <summary>
    /// The operator's text for <paramref name="language"/>. A Custom broadcast written in fewer languages than its
    /// audience speaks sends English to the rest, else the first text given; the built-in kinds fall back to their
    /// own templates instead (null here).
    /// </summary>
    public string? For(string language)
    {
        if (texts.TryGetValue(language, out var text))
        {
            return text;
        }
        if (kind != BroadcastKind.Custom)
        {
            return null;
        }
        return texts.TryGetValue(Core.Citizens.Language.English, out var english) ? english : texts.Values.First();
    }

    public string Render(Recipient recipient, CrossingsFile crossings, CrossingAssignment places, Signature signature, DateTime at) =>
        BroadcastText.Compose(kind, For(recipient.Language), recipient.Values(crossings, places, signature, at));

    public static BroadcastTexts Of(Broadcast broadcast) =>
        new(broadcast.Kind, JsonSerializer.Deserialize<Dictionary<string, string>>(broadcast.TextsJson) ?? []);

    public static Audience AudienceOf(Broadcast broadcast) =>
        JsonSerializer.Deserialize<Audience>(broadcast.AudienceJson) ?? Audience.Everyone;
}
