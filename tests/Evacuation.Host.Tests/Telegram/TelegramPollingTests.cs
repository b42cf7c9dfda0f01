using System.Globalization;
using Evacuation.Channels.Telegram;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Cluster;
using Evacuation.Host.Replies;
using Evacuation.Host.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Tests.Telegram;

/// <summary>
/// The getUpdates loop on errors: it waits (growing, capped, at least retry_after) on its own clock, then polls again
/// from the same offset, so no update is lost or stored twice. The loop runs alone against the fake Bot API with a
/// <see cref="TimerLog"/> clock; the service around it has Telegram in sandbox, so its own loop stays out of the way.
/// </summary>
public sealed class TelegramPollingTests
{
    sealed record Setup(EvacuationApp App, FakeTelegramServer Telegram, Citizen Citizen, TimerLog Clock, RefusingClients Clients, TelegramPolling Polling)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Polling.StopAsync(CancellationToken.None);
            Polling.Dispose();
            Clients.Dispose();
            await App.DisposeAsync();
            await Telegram.DisposeAsync();
        }
    }

    /// <summary>The numbered getUpdates calls (0-based) are refused before they reach the fake.</summary>
    static async Task<Setup> StartAsync(IReadOnlySet<int> refused)
    {
        var telegram = await FakeTelegramServer.StartAsync();
        var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var citizen = (await app.AddCitizensAsync(1)).Single();
        var options = Options.Create(new TelegramOptions { BotToken = telegram.Token, ApiBaseUrl = telegram.BaseUrl });
        var clients = new RefusingClients(refused);
        var clock = new TimerLog(app.Time.GetUtcNow());
        var presses = new ButtonPresses(options, clients, app.Time, NullLogger<ButtonPresses>.Instance);
        var polling = new TelegramPolling(options, clients, app.Services.GetRequiredService<ReplyInbox>(), presses, NodeRoles.Alone(), clock, NullLogger<TelegramPolling>.Instance);
        return new(app, telegram, citizen, clock, clients, polling);
    }

    static FakeAnswer Answer(string step) => step switch
    {
        "html 502" => TelegramAnswers.HtmlBadGateway,
        "500" => TelegramAnswers.InternalServerError,
        "401" => TelegramAnswers.Unauthorized,
        _ when step.StartsWith("429 retry_after ", StringComparison.Ordinal) => TelegramAnswers.TooManyRequests(int.Parse(step[16..], CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException("unknown step " + step, nameof(step)),
    };

    public static Labelled<string[], int[]> Failures => new()
    {
        { "an html 502 from a proxy", ["html 502"], [1] },
        { "failures in a row wait longer each time", ["html 502", "500", "refused"], [1, 2, 4] },
        { "a refused connection", ["refused", "refused"], [1, 2] },
        { "a 429 waits its retry_after", ["429 retry_after 7"], [7] },
        { "a 429 never waits less than the back-off has reached", ["500", "500", "429 retry_after 1"], [1, 2, 4] },
        { "a rejected token (401) waits the cap at once", ["401", "401"], [60, 60] },
        { "waits stop growing at a minute", ["500", "500", "500", "500", "500", "500", "500", "500"], [1, 2, 4, 8, 16, 32, 60, 60] },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task After_failed_polls_it_backs_off_then_resumes_without_losing_or_repeating_updates(string[] steps, int[] waits)
    {
        var refused = steps.Select((step, i) => (step, i)).Where(s => s.step == "refused").Select(s => s.i).ToHashSet();
        await using var s = await StartAsync(refused);
        var chat = s.Citizen.TelegramChatId!.Value;
        s.Telegram.AnswersFor("getUpdates").Next([.. steps.Where(step => step != "refused").Select(Answer)]);
        var first = s.Telegram.EnqueueTextMessage(chat, "2");

        await s.Polling.StartAsync(TestContext.Current.CancellationToken);
        for (var k = 0; k < waits.Length; k++)
        {
            await s.Clock.Waits.WhenCount(k + 1, TestContext.Current.CancellationToken);
            s.Clock.Advance(s.Clock.Waits.Snapshot()[k]);
        }
        await UntilStoredAsync(s, first);
        var second = s.Telegram.EnqueueTextMessage(chat, "1");
        await UntilStoredAsync(s, second);
        await s.App.UntilAsync(() => Task.FromResult(Offsets(s).Contains(second + 1) ? "polled" : null), "the poll after the second update");
        await s.Polling.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(waits.Select(w => TimeSpan.FromSeconds(w)), s.Clock.Waits.Snapshot());
        // Every poll that reached Telegram before the first update was stored asked from the start; then one past each.
        long[] expected = [.. Enumerable.Repeat(0L, steps.Length - refused.Count + 1), first + 1, second + 1];
        var offsets = Offsets(s);
        Assert.Equal(expected, offsets.Take(expected.Length));
        Assert.All(offsets.Skip(expected.Length), o => Assert.Equal(second + 1, o));
        var stored = await s.App.WithDbAsync(db => db.Replies.Where(r => r.Channel == ChannelKind.Telegram).Select(r => r.UpdateId).ToListAsync());
        Assert.Equal([first, second], stored.Order());
    }

    [Fact]
    public void A_good_poll_starts_the_back_off_over()
    {
        var backoff = new PollBackoff();
        var error = new HttpRequestException("refused");

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.After(error));
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.After(error));
        backoff.Reset();

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.After(error));
    }

    static List<long> Offsets(Setup s) =>
        [.. s.Telegram.RequestsOf("getUpdates").Select(r => long.TryParse(r.Parameters["offset"]?.ToString(), CultureInfo.InvariantCulture, out var o) ? o : 0)];

    static Task<string> UntilStoredAsync(Setup s, long updateId) =>
        s.App.UntilAsync(async () =>
            await s.App.WithDbAsync(db => db.Replies.AnyAsync(r => r.UpdateId == updateId)) ? "stored" : null,
            $"update {updateId} to be stored");
}
