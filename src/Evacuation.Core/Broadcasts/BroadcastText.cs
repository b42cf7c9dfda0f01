using Evacuation.Core.Texts;

namespace Evacuation.Core.Broadcasts;

/// <summary>The text one citizen receives for a broadcast, whichever kind it is.</summary>
public static class BroadcastText
{
    /// <summary>
    /// <see cref="BroadcastKind.Custom"/>: <paramref name="operatorText"/> exactly as written: no placeholders
    /// filled, no reply-code footer, no character substitution (docs/api.md, "Broadcasts"), so an operator can send
    /// anything, braces included. Advisory and RouteInstructions: the operator's template if given, else the
    /// built-in one, filled for the citizen; an operator's template without <c>{replyCodes}</c> gets them
    /// appended on a new line, because a citizen who is not told how to answer cannot confirm departure, and one
    /// without <c>{sender}</c> is opened with the sender, so every advisory and route message says who speaks.
    /// </summary>
    public static string Compose(BroadcastKind kind, string? operatorText, MessageValues values)
    {
        if (kind == BroadcastKind.Custom)
        {
            return operatorText ?? throw new ArgumentException("a Custom broadcast needs its text", nameof(operatorText));
        }
        if (string.IsNullOrWhiteSpace(operatorText))
        {
            return BuiltInTemplates.Render(BuiltInTemplates.For(kind)!.Value, values);
        }
        var template = Uses(operatorText, Placeholders.ReplyCodes)
            ? operatorText
            : operatorText.TrimEnd() + "\n{" + Placeholders.ReplyCodes + "}";
        if (!Uses(template, Placeholders.Sender))
        {
            template = Wordings.For(values.Language).Opening + template.TrimStart();
        }
        return MessageTemplate.Render(template, values);
    }

    static bool Uses(string template, string placeholder) =>
        template.Contains("{" + placeholder + "}", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks an operator's text for a broadcast of <paramref name="kind"/>; empty when it can be sent.</summary>
    public static IReadOnlyList<string> Check(BroadcastKind kind, string? operatorText) =>
        kind == BroadcastKind.Custom ? MessageTemplate.CheckCustom(operatorText) : MessageTemplate.Check(operatorText);
}
