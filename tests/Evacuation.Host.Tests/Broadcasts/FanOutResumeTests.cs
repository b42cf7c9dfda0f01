using Evacuation.Core.Broadcasts;
using Evacuation.Core.Channels;
using Evacuation.Core.Deliveries;
using Evacuation.Data;
using Evacuation.Testing;

namespace Evacuation.Host.Tests.Broadcasts;

public sealed class FanOutResumeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Fan_out_interrupted_after_a_batch_resumes_after_its_cursor_and_writes_nobody_twice(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider, new() { ["Telegram:MessagesPerSecond"] = "1000" });
        var citizens = (await app.AddCitizensAsync(10, sms: false)).OrderBy(c => c.Id).ToList();
        var now = app.Time.GetUtcNow().UtcDateTime;
        var written = citizens.Take(4).ToList();
        // As a process killed between two fan-out batches leaves it: four written, cursor on the fourth.
        var broadcast = new Broadcast
        {
            Kind = BroadcastKind.Advisory, Channels = ChannelPolicy.Telegram, State = BroadcastState.Sending, CreatedBy = "test",
            CreatedAt = now, SendAt = now, Recipients = 10, FanOutCursor = written[^1].Id,
            TextsJson = "{}", AudienceJson = """{"Statuses":[],"Regions":[],"Crossings":[]}""",
        };
        await app.WithDbAsync(async db =>
        {
            db.Broadcasts.Add(broadcast);
            db.Deliveries.AddRange(written.Select(c => new Delivery
            {
                BroadcastId = broadcast.Id, CitizenId = c.Id, Channel = ChannelKind.Telegram, Address = c.TelegramChatId!.ToString()!,
                Text = "Leave now.", State = DeliveryState.Sent, Attempts = 1, NextAttemptAt = now, CreatedAt = now, SentAt = now,
            }));
            return await db.SaveChangesAsync();
        });

        var done = await app.UntilStateAsync(broadcast.Id.ToString(), "Completed");

        Assert.Equal(10, done.GetProperty("sent").GetInt64());
        var deliveries = await app.DeliveriesAsync();
        Assert.Equal(10, deliveries.Count);
        Assert.Equal(10, deliveries.Select(d => d.CitizenId).Distinct().Count());
    }
}
