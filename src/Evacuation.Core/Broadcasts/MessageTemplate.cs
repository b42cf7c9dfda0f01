using System.Text;
using Evacuation.Core.Texts;

namespace Evacuation.Core.Broadcasts;

/// <summary>
/// Operator-written and built-in templates: filling the <see cref="Placeholders"/> and checking a template before it
/// is accepted. <see cref="BroadcastKind.Custom"/>
/// texts never come here: they are sent exactly as written (see <see cref="BroadcastText"/>).
/// </summary>
public static class MessageTemplate
{
    /// <summary>
    /// The longest text we accept: Twilio refuses a Body over 1,600 characters (error 21617), and every message
    /// must be sendable by SMS, the fallback channel. Telegram's own limit (4,096) is higher.
    /// https://www.twilio.com/docs/api/errors/21617
    /// </summary>
    public const int MaxLength = 1600;

    /// <summary>
    /// Fills every known placeholder in one pass (a value that itself contains braces is not filled again).
    /// Unknown placeholders and stray braces are left as written; <see cref="Check"/> refuses them first.
    /// When no crossing is assigned, <c>{crossing}</c> becomes "the nearest open border crossing" in the
    /// citizen's language; <c>{sender}</c> is the sender's name in that language, <c>{hotline}</c> "Hotline &lt;number&gt;."
    /// (empty without one), <c>{asOf}</c> "as of HH:MM Kyiv time" (empty without a time). A placeholder that fills to nothing takes the space before it along, so
    /// "crossing. {crossingDirections} Reply" becomes "crossing. Reply".
    /// </summary>
    public static string Render(string template, MessageValues values)
    {
        var output = new StringBuilder(template.Length + 160);
        var i = 0;
        while (i < template.Length)
        {
            if (template[i] == '{' && TryReadPlaceholder(template, i, out var name, out var end) &&
                Placeholders.IsKnown(name))
            {
                var value = ValueOf(name, values);
                output.Append(value);
                i = end + 1;
                if (value.Length == 0)
                {
                    i = CloseGap(output, template, i);
                }
                continue;
            }
            output.Append(template[i]);
            i++;
        }
        return output.ToString();
    }

    /// <summary>Why <paramref name="text"/> cannot be used as a template, in words an operator can act on; empty when it can.</summary>
    public static IReadOnlyList<string> Check(string? text)
    {
        var errors = CheckLength(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return errors;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '}')
            {
                errors.Add($"'}}' at character {i + 1} has no matching '{{'");
            }
            else if (text[i] == '{')
            {
                if (!TryReadPlaceholder(text, i, out var name, out var end))
                {
                    errors.Add($"'{{' at character {i + 1} has no matching '}}'");
                    continue;
                }
                if (!Placeholders.IsKnown(name))
                {
                    errors.Add(UnknownPlaceholder(name, i));
                }
                i = end;
            }
        }
        return errors;
    }

    /// <summary>
    /// Checks a <see cref="BroadcastKind.Custom"/> text, which is sent exactly as written: only that it is not
    /// empty and not too long for SMS. Braces in it are ordinary characters.
    /// </summary>
    public static IReadOnlyList<string> CheckCustom(string? text) => CheckLength(text);

    static List<string> CheckLength(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ["the text is empty: write the message to send"];
        }
        return text.Length > MaxLength
            ? [$"the text is {text.Length} characters long; an SMS can carry at most {MaxLength}: shorten it by {text.Length - MaxLength}"]
            : [];
    }

    static string UnknownPlaceholder(string name, int index)
    {
        var closest = Placeholders.Closest(name);
        var hint = closest is null ? $"use {Placeholders.Listed}" : $"did you mean {{{closest}}}?";
        return $"unknown placeholder {{{name}}} at character {index + 1}: {hint}";
    }

    /// <summary>A placeholder is a '{' with a '}' after it and no other '{' in between.</summary>
    static bool TryReadPlaceholder(string text, int open, out string name, out int close)
    {
        name = "";
        close = text.IndexOf('}', open + 1);
        var nextOpen = text.IndexOf('{', open + 1);
        if (close < 0 || (nextOpen >= 0 && nextOpen < close))
        {
            return false;
        }
        name = text[(open + 1)..close];
        return true;
    }

    static string ValueOf(string name, MessageValues values)
    {
        var wording = Wordings.For(values.Language);
        return name.ToUpperInvariant() switch
        {
            "NAME" => values.Name.Trim(),
            "CROSSING" => values.HasCrossing ? values.Crossing!.Trim() : wording.NearestCrossing,
            "CROSSINGDIRECTIONS" => (values.CrossingDirections ?? "").Trim(),
            "SENDER" => values.Signature.SenderIn(values.Language),
            "HOTLINE" => values.Signature.HotlineIn(values.Language),
            "ASOF" => values.At is { } at ? wording.AsOf(KyivTime.Format(at)) : "",
            "CHECKINLINK" => values.CheckInLink,
            _ => wording.ReplyCodeLine,
        };
    }

    /// <summary>
    /// After a placeholder filled to nothing: drops the spaces before it when what follows is a space,
    /// punctuation or the end, and skips the spaces after it at the start of a line. Returns where to read on.
    /// </summary>
    static int CloseGap(StringBuilder output, string template, int next)
    {
        var atEnd = next >= template.Length;
        if (atEnd || char.IsWhiteSpace(template[next]) || char.IsPunctuation(template[next]))
        {
            while (output.Length > 0 && output[^1] == ' ')
            {
                output.Length--;
            }
        }
        if (output.Length == 0 || output[^1] == '\n')
        {
            while (next < template.Length && template[next] == ' ')
            {
                next++;
            }
        }
        return next;
    }
}
