using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Deliveries;
using Evacuation.Host.Metrics;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Evacuation.Host.Tests.Deliveries;

/// <summary>
/// One sender never takes the others' turn: a busy chat's one-second spacing holds no other chat, a newer answer
/// replaces an older unsent one, and strangers are answered once per sender every ten minutes, counted.
/// </summary>
public sealed class FairnessTests
{
    static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    static OutboundMessage To(string chat) => new(Guid.NewGuid(), Guid.NewGuid(), ChannelKind.Telegram, chat, "Leave now.");

    [Fact]
    public async Task A_busy_chats_spacing_never_holds_a_send_to_another_chat()
    {
        var clock = new FakeTimeProvider(Start);
        var pacing = ChannelPacing.On(clock, 1000, 10);
        Assert.NotNull(await pacing.WaitAsync(To("1001"), DeliveryPriority.Bulk, DateTimeOffset.MaxValue, CancellationToken.None));

        var sameChat = pacing.WaitAsync(To("1001"), DeliveryPriority.Answer, DateTimeOffset.MaxValue, CancellationToken.None).AsTask();
        var otherChat = pacing.WaitAsync(To("1002"), DeliveryPriority.Bulk, DateTimeOffset.MaxValue, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(50));

        Assert.NotNull(await otherChat.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.False(sameChat.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(await sameChat.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_chat_still_busy_after_its_second_gives_the_message_back_instead_of_waiting_again()
    {
        var clock = new FakeTimeProvider(Start);
        var pacing = ChannelPacing.On(clock, 1000, 10);
        Assert.NotNull(await pacing.WaitAsync(To("1001"), DeliveryPriority.Bulk, DateTimeOffset.MaxValue, CancellationToken.None));

        var second = pacing.WaitAsync(To("1001"), DeliveryPriority.Bulk, DateTimeOffset.MaxValue, CancellationToken.None).AsTask();
        var third = pacing.WaitAsync(To("1001"), DeliveryPriority.Bulk, DateTimeOffset.MaxValue, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromSeconds(1));
        var outcomes = await Task.WhenAll(second, third).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal([false, true], outcomes.Select(o => o is not null).Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_newer_answer_replaces_only_the_older_unsent_answer_to_the_same_chat_and_channel(StorageProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenMigratedAsync();
        var now = Start.UtcDateTime;
        var older = Row("1001", ChannelKind.Telegram, DeliveryPriority.Answer, DeliveryState.Pending, now);
        var beingSent = Row("1001", ChannelKind.Telegram, DeliveryPriority.Answer, DeliveryState.Sending, now);
        var bulk = Row("1001", ChannelKind.Telegram, DeliveryPriority.Bulk, DeliveryState.Pending, now);
        var otherChat = Row("1002", ChannelKind.Telegram, DeliveryPriority.Answer, DeliveryState.Pending, now);
        var otherChannel = Row("1001", ChannelKind.Sms, DeliveryPriority.Answer, DeliveryState.Pending, now);
        await db.InsertAsync([older, beingSent, bulk, otherChat, otherChannel], ct);
        var newer = Row("1001", ChannelKind.Telegram, DeliveryPriority.Answer, DeliveryState.Pending, now.AddSeconds(1));

        Assert.Equal(1, await Answers.ReplaceUnsentAsync(db, newer, ct));

        var states = await db.Deliveries.AsNoTracking().ToDictionaryAsync(d => d.Id, d => (d.State, d.LastError), ct);
        Assert.Equal((DeliveryState.Cancelled, Answers.Replaced), states[older.Id]);
        Assert.All([beingSent, bulk, otherChat, otherChannel], d => Assert.NotEqual(DeliveryState.Cancelled, states[d.Id].State));
    }

    [Fact]
    public async Task Strangers_are_answered_once_per_sender_and_what_is_held_back_is_counted_and_logged()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        var logs = new LogLines();
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Providers.LiveAgainst(telegram, null), logs.Register);
        foreach (var text in new[] { "hello", "hello?", "anyone?" })
        {
            telegram.EnqueueTextMessage(9001, text);
        }
        telegram.EnqueueTextMessage(9002, "hello");

        await app.UntilAsync(async () => await app.WithDbAsync(db => db.Replies.CountAsync(r => r.InterpretedAt != null)) == 4 ? "" : null, "four replies interpreted");
        await app.UntilDeliveriesAsync(2, d => d.State == DeliveryState.Sent, "one answer to each stranger sent");

        Assert.Equal(["9001", "9002"], telegram.SentMessages.Select(m => m.ChatId).Order());
        Assert.Contains(logs.Lines, l => l.Contains("Answers to unknown senders held back: 1 so far", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("9001", StringComparison.Ordinal) && l.Contains("held back", StringComparison.Ordinal));
        var metrics = await app.Viewer().GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Contains("evacuation_answers_held_back_total{otel_scope_name=\"Evacuation\",channel=\"Telegram\"} 2", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_depth_is_shown_per_channel_and_priority()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var now = app.Time.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            // Not due for an hour: waiting in the queue, not being sent.
            db.Deliveries.AddRange(
                Row("1001", ChannelKind.Telegram, DeliveryPriority.Answer, DeliveryState.Pending, now.AddHours(1)),
                Row("1002", ChannelKind.Telegram, DeliveryPriority.Bulk, DeliveryState.Pending, now.AddHours(1)),
                Row("1003", ChannelKind.Telegram, DeliveryPriority.Bulk, DeliveryState.Pending, now.AddHours(1)),
                Row("+15550001", ChannelKind.Sms, DeliveryPriority.Urgent, DeliveryState.Pending, now.AddHours(1)));
            return await db.SaveChangesAsync();
        });

        await app.Services.GetServices<IHostedService>().OfType<MetricsSampler>().Single().SampleAsync(CancellationToken.None);
        var text = await app.Viewer().GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Contains("evacuation_queue_depth{otel_scope_name=\"Evacuation\",channel=\"Telegram\",priority=\"1\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("evacuation_queue_depth{otel_scope_name=\"Evacuation\",channel=\"Telegram\",priority=\"3\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("evacuation_queue_depth{otel_scope_name=\"Evacuation\",channel=\"Sms\",priority=\"2\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("evacuation_queue_depth{otel_scope_name=\"Evacuation\",channel=\"Sms\",priority=\"1\"} 0", text, StringComparison.Ordinal);
    }

    static Delivery Row(string address, ChannelKind channel, int priority, DeliveryState state, DateTime due) => new()
    {
        BroadcastId = Guid.NewGuid(),
        CitizenId = Guid.NewGuid(),
        Channel = channel,
        Address = address,
        Text = "Answer",
        State = state,
        Priority = priority,
        NextAttemptAt = due,
        CreatedAt = due,
    };
}
