using System.Security.Cryptography;
using System.Text;

namespace Evacuation.Channels.Telegram;

/// <summary>
/// The webhook's shared secret, sent by Telegram in <c>X-Telegram-Bot-Api-Secret-Token</c>.
/// See https://core.telegram.org/bots/api#setwebhook (secret_token).
/// </summary>
public static class TelegramSecret
{
    public const string Header = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Constant-time comparison, so the answer time does not tell an attacker how much of a guess was right.</summary>
    public static bool Matches(string? expected, string? header)
    {
        if (string.IsNullOrEmpty(expected) || header is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(header));
    }
}
