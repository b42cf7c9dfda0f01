using Evacuation.Channels.Telegram;
using Evacuation.Core.Channels;
using Evacuation.Host.Deliveries;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Telegram;

/// <summary>
/// At start, with <c>Telegram:PaidBroadcast</c> on a live bot: says in the start-up log what paid sending costs and
/// the bot's Star balance (getMyStarBalance), stops paid sending at once when the balance is empty, and has the
/// pacing fall back to Telegram's free rate whenever paid sending stops.
/// </summary>
public static class PaidBroadcastStart
{
    public static async Task CheckPaidBroadcastAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        var paid = app.Services.GetRequiredService<PaidBroadcasts>();
        var pacing = app.Services.GetRequiredService<ChannelPacing>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Evacuation.Channels");
        paid.Stopped += () => pacing.SlowTelegramTo(Math.Min(options.MessagesPerSecond, TelegramOptions.FreeMessagesPerSecond));
        if (app.Services.GetRequiredKeyedService<IChannel>(ChannelKind.Telegram) is not TelegramChannel bot)
        {
            return;
        }
        if (!options.PaidBroadcast)
        {
            if (options.MessagesPerSecond > TelegramOptions.FreeMessagesPerSecond)
            {
                logger.LogWarning("Telegram:MessagesPerSecond is {Rate}, but without Telegram:PaidBroadcast Telegram allows about {Free} a second in bulk: expect 429 answers (each pauses the bot)",
                    options.MessagesPerSecond, TelegramOptions.FreeMessagesPerSecond);
            }
            return;
        }
        var balance = await bot.StarBalanceAsync(app.Lifetime.ApplicationStopping);
        logger.LogInformation("Telegram paid broadcast: ON, up to {Rate} messages/s at {Fee} Stars a message; the bot's Star balance: {Balance}",
            options.MessagesPerSecond, options.PaidBroadcastStarsPerMessage, balance?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown (getMyStarBalance did not answer)");
        if (balance <= 0)
        {
            paid.Stop("the bot's Star balance is 0");
        }
    }
}
