using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Evacuation.Channels.Telegram;

/// <summary>
/// Whether Telegram sends are paid broadcasts right now: on when <c>Telegram:PaidBroadcast</c> is set, off for good
/// (until a restart) once Telegram refuses one for the bot's Star balance or the balance is empty at start. Then one
/// error is logged and <see cref="Stopped"/> lets the pacing fall back to the free rate; the refused message is
/// retried unpaid, so nothing is lost.
/// </summary>
public sealed class PaidBroadcasts(IOptions<TelegramOptions> options, ILogger<PaidBroadcasts> logger)
{
    int stopped;

    public bool On => options.Value.PaidBroadcast && Volatile.Read(ref stopped) == 0;

    /// <summary>Raised once, when paid sending stops.</summary>
    public event Action? Stopped;

    /// <summary>Stops paid sending; true the first time (the one that logs and raises <see cref="Stopped"/>).</summary>
    public bool Stop(string why)
    {
        if (!options.Value.PaidBroadcast || Interlocked.Exchange(ref stopped, 1) != 0)
        {
            return false;
        }
        logger.LogError(
            "Telegram paid broadcast stopped: {Why}. Telegram messages now go out unpaid at the free rate of {Rate} per second; nothing is lost. "
            + "Top up the bot's Stars (@BotFather) and restart the service to send paid again", why, TelegramOptions.FreeMessagesPerSecond);
        Stopped?.Invoke();
        return true;
    }

    /// <summary>
    /// A 400 whose description speaks of Stars or the balance, answered to a paid send: the bot cannot pay for paid
    /// broadcasts. (The Bot API documents the fee, not the wording of this error, so the check is by those words.)
    /// </summary>
    public static bool IsBalanceError(int errorCode, string description) =>
        errorCode == 400 && (description.Contains("star", StringComparison.OrdinalIgnoreCase) || description.Contains("balance", StringComparison.OrdinalIgnoreCase));
}
