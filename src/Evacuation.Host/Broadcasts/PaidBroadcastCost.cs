using Evacuation.Channels.Telegram;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Broadcasts;

/// <summary>
/// The Stars a broadcast's Telegram messages will cost while paid sending is on: messages ×
/// <c>Telegram:PaidBroadcastStarsPerMessage</c> (Telegram's fee is 0.1 Stars a message,
/// https://core.telegram.org/bots/api#sendmessage). A text Telegram splits in two is billed as two; the estimate
/// counts one a recipient, so it is a floor for very long texts.
/// </summary>
public static class PaidBroadcastCost
{
    public static BroadcastEstimate With(BroadcastEstimate estimate, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!services.GetRequiredService<PaidBroadcasts>().On || options.IsSandbox)
        {
            return estimate;
        }
        return estimate with { TelegramStars = estimate.ByChannel.GetValueOrDefault("telegram") * options.PaidBroadcastStarsPerMessage };
    }
}
