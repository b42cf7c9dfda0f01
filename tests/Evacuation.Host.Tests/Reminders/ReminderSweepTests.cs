using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Host.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Reminders;

public sealed class ReminderSweepTests
{
    public static Labelled<Action<Citizen>, bool> Cases => new()
    {
        { "unconfirmed and silent for five hours", _ => { }, true },
        { "on the way for five hours (under the longer cadence)", c => c.Status = JourneyStatus.OnTheWay, false },
        { "departed", c => c.Status = JourneyStatus.Departed, false },
        { "staying", c => c.Status = JourneyStatus.Staying, false },
        { "needs help (the call list has them)", c => c.Status = JourneyStatus.NeedsHelp, false },
        { "opted out", c => c.OptedOut = true, false },
        { "unreachable on every channel", c => c.SmsUnreachable = true, false },
        { "already on the call list", c => c.EscalatedAt = new DateTime(2026, 11, 25, 7, 0, 0, DateTimeKind.Utc), false },
        { "never sent an Advisory", c => c.LastContactAt = null, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_sweep_reminds_only_silent_reachable_advised_citizens(Action<Citizen> shape, bool reminded)
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Reminded.Settings());
        var citizen = (await app.AdvisedCitizensAsync(1, (c, _) => shape(c)))[0];
        app.Time.Advance(TimeSpan.FromHours(5));

        var outcome = await app.Sweep().RunAsync(CancellationToken.None);
        await app.UntilRemindersSentAsync();

        Assert.True((outcome.Reminded == 1) == reminded);
        Assert.Equal(reminded ? 1 : 0, (await app.ReminderDeliveriesAsync()).Count);
        Assert.Equal(reminded ? 1 : 0, (await app.CitizenAsync(citizen.Id)).RemindersSent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Nobody_contacted_within_the_minimum_interval_is_reminded(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider, Reminded.Settings());
        await app.AdvisedCitizensAsync(3);
        app.Time.Advance(TimeSpan.FromHours(3));

        Assert.Equal(0, (await app.Sweep().RunAsync(CancellationToken.None)).Reminded);
        app.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(3, (await app.Sweep().RunAsync(CancellationToken.None)).Reminded);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_sweep_run_twice_at_the_same_moment_sends_nothing_twice(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider, Reminded.Settings());
        var citizens = await app.AdvisedCitizensAsync(20);
        app.Time.Advance(TimeSpan.FromHours(5));

        var first = await app.Sweep().RunAsync(CancellationToken.None);
        var second = await app.Sweep().RunAsync(CancellationToken.None);
        await app.UntilRemindersSentAsync();

        Assert.Equal(20, first.Reminded);
        Assert.Equal(0, second.Reminded);
        var deliveries = await app.ReminderDeliveriesAsync();
        Assert.Equal(20, deliveries.Count);
        Assert.Equal(20, deliveries.Select(d => d.CitizenId).Distinct().Count());
        Assert.All(citizens, c => Assert.Equal(1, app.CitizenAsync(c.Id).Result.RemindersSent));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sweeps_racing_each_other_remind_each_citizen_once(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider, Reminded.Settings());
        await app.AdvisedCitizensAsync(200);
        app.Time.Advance(TimeSpan.FromHours(5));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => app.Sweep().RunAsync(CancellationToken.None))));

        Assert.Equal(200, outcomes.Sum(o => o.Reminded));
        var deliveries = await app.ReminderDeliveriesAsync();
        Assert.Equal(200, deliveries.Select(d => d.CitizenId).Distinct().Count());
        Assert.Equal(200, deliveries.Count);
    }

    /// <summary>
    /// The interleaving behind an intermittent double reminder: one sweep reads the outbox before another sweep of
    /// the same instant commits its claim, and reads the citizens after it, so it finds the other sweep's stamp.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_sweep_that_saw_the_outbox_before_another_sweeps_claim_and_the_citizens_after_it_claims_nothing(StorageProvider provider)
    {
        var settings = Reminded.Settings();
        // One segment a second on a clock that does not move: the first sweep's reminders stay waiting.
        settings["Deliveries:Pacing"] = "true";
        settings["Twilio:SegmentsPerSecond"] = "1";
        await using var app = await EvacuationApp.StartAsync(provider, settings);
        await app.AdvisedCitizensAsync(5);
        app.Time.Advance(TimeSpan.FromHours(5));
        var now = app.Time.GetUtcNow().UtcDateTime;
        var options = app.Services.GetRequiredService<IOptions<RemindersOptions>>().Value;
        List<ReminderCandidates.Candidate> early;
        await using (var db = app.Database.Open())
        {
            early = await ReminderCandidates.DueAsync(db, now, options, CancellationToken.None);
        }

        var first = await app.Sweep().RunAsync(CancellationToken.None);
        var late = early.Select(c => c with { ReminderQueuedAt = first.At }).ToArray();
        await using var again = app.Database.Open();
        var claimed = await ReminderCandidates.ClaimAsync(again, late, first.At, options, CancellationToken.None);

        Assert.Equal(5, first.Reminded);
        Assert.Empty(claimed);
    }

    [Fact]
    public async Task A_reminder_restates_the_route_and_on_the_way_citizens_are_asked_on_the_longer_cadence()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Reminded.Settings());
        var citizens = await app.AdvisedCitizensAsync(2, (c, n) =>
        {
            c.Language = Language.English;
            c.AssignedCrossing = "shehyni-medyka";
            c.Status = n == 0 ? JourneyStatus.Unconfirmed : JourneyStatus.OnTheWay;
        });
        app.Time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(1, (await app.Sweep().RunAsync(CancellationToken.None)).Reminded);
        await app.UntilRemindersSentAsync();
        app.Time.Advance(TimeSpan.FromHours(7));
        Assert.Equal(2, (await app.Sweep().RunAsync(CancellationToken.None)).Reminded);

        var texts = (await app.ReminderDeliveriesAsync()).GroupBy(d => d.CitizenId).ToDictionary(g => g.Key, g => g.OrderBy(d => d.CreatedAt).Last().Text);
        Assert.NotEqual(texts[citizens[0].Id], texts[citizens[1].Id]);
        Assert.All(texts.Values, t => Assert.Contains("Shehyni", t, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task After_the_last_unanswered_reminder_the_citizen_is_escalated_and_reminders_stop(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider, Reminded.Settings(maxReminders: 2));
        var citizen = (await app.AdvisedCitizensAsync(1))[0];

        var reminded = new List<int>();
        var escalated = new List<int>();
        for (var sweep = 0; sweep < 4; sweep++)
        {
            app.Time.Advance(TimeSpan.FromHours(5));
            var outcome = await app.Sweep().RunAsync(CancellationToken.None);
            await app.UntilRemindersSentAsync();
            reminded.Add(outcome.Reminded);
            escalated.Add(outcome.Escalated);
        }

        Assert.Equal([1, 1, 0, 0], reminded);
        Assert.Equal([0, 0, 1, 0], escalated);
        var stored = await app.CitizenAsync(citizen.Id);
        Assert.Equal(2, stored.RemindersSent);
        Assert.NotNull(stored.EscalatedAt);
        Assert.Equal(1, await app.WithDbAsync(db => db.CitizenEvents.CountAsync(e => e.CitizenId == citizen.Id && e.Kind == CitizenEventKind.Escalated)));
    }

    /// <summary>
    /// A reminder counts when it is sent: one the provider refused neither moves the count nor the last contact, so
    /// the citizen is reminded again rather than put on the call list for a reminder they never got.
    /// </summary>
    [Fact]
    public async Task A_reminder_that_never_left_does_not_count_towards_the_call_list()
    {
        await using var twilio = await Fakes.FakeTwilioServer.StartAsync();
        var settings = Reminded.Settings(maxReminders: 1);
        foreach (var (key, value) in Providers.LiveAgainst(null, twilio))
        {
            settings[key] = value;
        }
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, settings);
        var citizen = (await app.AdvisedCitizensAsync(1))[0];
        var advisedAt = (await app.CitizenAsync(citizen.Id)).LastContactAt;

        twilio.AnswerNext(Fakes.TwilioAnswers.InvalidNumber);
        app.Time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(1, (await app.Sweep().RunAsync(CancellationToken.None)).Reminded);
        await app.UntilAsync(async () => (await app.ReminderDeliveriesAsync()).Any(d => d.State == Core.Deliveries.DeliveryState.Failed) ? "failed" : null,
            "the reminder to fail");
        var afterFailure = await app.CitizenAsync(citizen.Id);
        Assert.Equal((0, advisedAt), (afterFailure.RemindersSent, afterFailure.LastContactAt));

        app.Time.Advance(TimeSpan.FromHours(5));
        var second = await app.Sweep().RunAsync(CancellationToken.None);
        Assert.Equal((1, 0), (second.Reminded, second.Escalated));
        await app.UntilAsync(async () => (await app.ReminderDeliveriesAsync()).Any(d => d.State == Core.Deliveries.DeliveryState.Sent) ? "sent" : null,
            "the second reminder to be sent");
        Assert.Equal(1, (await app.CitizenAsync(citizen.Id)).RemindersSent);

        app.Time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(1, (await app.Sweep().RunAsync(CancellationToken.None)).Escalated);
    }

    [Fact]
    public async Task A_reminder_still_waiting_in_the_outbox_is_not_queued_again()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite, Reminded.Settings());
        var citizen = (await app.AdvisedCitizensAsync(1))[0];
        await using (var db = app.Database.Open())
        {
            // A message that has not gone out yet (a long queue, a provider outage).
            var now = app.Time.GetUtcNow().UtcDateTime;
            var queued = new Core.Broadcasts.Broadcast
            {
                Kind = Core.Broadcasts.BroadcastKind.Custom, State = Core.Broadcasts.BroadcastState.Sending, CreatedBy = "test", CreatedAt = now,
                SendAt = now, FannedOutAt = now,
            };
            db.Broadcasts.Add(queued);
            db.Deliveries.Add(new Core.Deliveries.Delivery
            {
                BroadcastId = queued.Id, CitizenId = citizen.Id, Channel = Core.Channels.ChannelKind.Sms, Address = citizen.Phone!, Text = "x",
                State = Core.Deliveries.DeliveryState.Pending, NextAttemptAt = now.AddDays(20), CreatedAt = now,
            });
            await db.SaveChangesAsync();
        }
        app.Time.Advance(TimeSpan.FromHours(5));

        Assert.Equal(0, (await app.Sweep().RunAsync(CancellationToken.None)).Reminded);
    }
}
