using Evacuation.Channels.Telegram;
using Evacuation.Core.Cluster;
using Evacuation.Host.Cluster;
using Evacuation.Host.Replies;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Evacuation.Host.Telegram;

/// <summary>
/// Long polling (<c>Telegram:Updates = Polling</c>): our own <c>getUpdates(offset, timeout: 25)</c> loop on an HTTP
/// client whose timeout (60 s) is longer than the poll, so a quiet bot waits instead of spinning. The offset is
/// one past the highest update_id stored, so a restart neither loses nor repeats updates. Errors back off
/// (<see cref="PollBackoff"/>) on <see cref="TimeProvider"/>, so tests drive the waits with a fake clock.
/// A newly stored button press is answered at once (<see cref="ButtonPresses"/>). https://core.telegram.org/bots/api#getupdates
/// In webhook mode it registers the webhook with its secret instead (https://core.telegram.org/bots/api#setwebhook).
/// </summary>
public sealed class TelegramPolling(
    IOptions<TelegramOptions> options,
    IHttpClientFactory http,
    ReplyInbox inbox,
    ButtonPresses presses,
    NodeRoles roles,
    TimeProvider time,
    ILogger<TelegramPolling> logger) : BackgroundService
{
    public const int PollSeconds = 25;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.IsSandbox)
        {
            return;
        }
        var bot = TelegramBot.CreateClient(settings, http.CreateClient(TelegramSetup.HttpClientName));
        if (settings.Updates == TelegramUpdates.Webhook)
        {
            await RegisterWebhookAsync(bot, settings, stoppingToken);
            return;
        }
        // One poller per bot: Telegram answers a second getUpdates with 409 Conflict. On PostgreSQL the node holding
        // the poller role polls; it stops the moment it loses the role, so the next holder's poll is not refused.
        while (await roles.WaitForAsync(RoleNames.TelegramPoller, stoppingToken))
        {
            using var held = roles.WhileHeld(RoleNames.TelegramPoller, stoppingToken);
            await PollAsync(bot, held.Token);
        }
    }

    async Task PollAsync(TelegramBotClient bot, CancellationToken stoppingToken)
    {
        var backoff = new PollBackoff();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var offset = await inbox.NextTelegramOffsetAsync(stoppingToken);
                var updates = await bot.GetUpdates((int)Math.Min(offset, int.MaxValue), timeout: PollSeconds, cancellationToken: stoppingToken);
                foreach (var update in updates)
                {
                    var message = TelegramInbound.Read(update);
                    if (await inbox.AcceptAsync(message, stoppingToken))
                    {
                        await presses.AnswerAsync(message, stoppingToken);
                    }
                }
                backoff.Reset();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var wait = backoff.After(e);
                // A failure to store stops the batch there: the next poll starts from the highest update stored, so
                // the one that failed (and any after it) are asked for again rather than skipped.
                logger.Log(wait == PollBackoff.Cap ? LogLevel.Error : LogLevel.Warning,
                    "Telegram getUpdates failed ({Error}); trying again in {Backoff}", PollBackoff.Describe(e), wait);
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    async Task RegisterWebhookAsync(TelegramBotClient bot, TelegramOptions settings, CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await bot.SetWebhook(settings.WebhookUrl!, secretToken: settings.WebhookSecret, cancellationToken: stoppingToken);
                logger.LogInformation("Telegram webhook registered");
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Telegram setWebhook failed ({Error}); trying again in {Backoff}", e.GetType().Name, backoff);
                await Task.Delay(backoff, time, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
    }
}
