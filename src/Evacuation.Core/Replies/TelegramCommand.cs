namespace Evacuation.Core.Replies;

/// <summary>
/// Telegram bot commands ("/start", "/start TOKEN", "/help@EvacBot") belong to the caller, which handles them before
/// asking for a reply's meaning; only "/lang" is ours. Command names are Latin letters, digits and underscores, and
/// may carry "@botname" in group chats: https://core.telegram.org/bots/features#commands
/// </summary>
internal static class TelegramCommand
{
    private static readonly string[] Ours = ["lang", "language"];

    public static bool IsSomeoneElses(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] != '/')
        {
            return false;
        }

        var name = trimmed[1..];
        var end = name.IndexOfAny(' ', '@', '\n');
        if (end >= 0)
        {
            name = name[..end];
        }

        foreach (var ours in Ours)
        {
            if (name.Equals(ours, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
