namespace Evacuation.Core.Replies;

/// <summary>
/// "/start" or "/start TOKEN" (a deep link <c>t.me/bot?start=TOKEN</c>): https://core.telegram.org/bots/features#deep-linking
/// </summary>
public sealed record StartCommand(string? Token)
{
    public static StartCommand? Read(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("/start", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var rest = trimmed["/start".Length..];
        if (rest.StartsWith('@'))
        {
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            rest = space < 0 ? "" : rest[space..];
        }
        else if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]))
        {
            return null; // "/startle" is not our command
        }
        var token = rest.Trim();
        // Deep-link parameters are at most 64 characters of A-Z, a-z, 0-9, _ and -.
        return new StartCommand(token.Length is > 0 and <= 64 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? token : null);
    }
}
