using Evacuation.Core.Deliveries;
using Microsoft.Extensions.Time.Testing;

namespace Evacuation.Core.Tests.Deliveries;

public sealed class PacerTests
{
    [Fact]
    public void Reserved_slots_are_spaced_evenly_at_the_rate()
    {
        var time = new FakeTimeProvider();
        var pacer = new Pacer(10, time);
        var start = time.GetUtcNow();

        var slots = Enumerable.Range(0, 5).Select(_ => pacer.Reserve()).ToList();

        Assert.Equal([0, 100, 200, 300, 400], slots.Select(s => (int)Math.Round((s - start).TotalMilliseconds)));
    }

    [Theory]
    [InlineData(30, 29.41)]
    [InlineData(29.99997, 29.41)] // 30/s as read back from whole ticks
    [InlineData(100, 98.04)]
    [InlineData(1, 0.98)]
    [InlineData(0.5, 0.5)] // slots two seconds apart: the window never binds
    [InlineData(1000, 980.39)]
    public void The_sustained_rate_is_a_whole_rates_units_in_each_window(double configured, double sustained) =>
        Assert.Equal(sustained, Math.Round(Pacer.SustainedRate(configured), 2));

    [Fact]
    public void An_sms_of_three_segments_takes_three_slots()
    {
        var time = new FakeTimeProvider();
        var pacer = new Pacer(10, time);
        var start = time.GetUtcNow();

        pacer.Reserve(3);

        Assert.Equal(300, (int)Math.Round((pacer.Reserve() - start).TotalMilliseconds));
    }

    [Fact]
    public void After_an_idle_spell_there_is_no_burst()
    {
        var time = new FakeTimeProvider();
        var pacer = new Pacer(10, time);
        time.Advance(TimeSpan.FromMinutes(1));
        var now = time.GetUtcNow();

        var slots = Enumerable.Range(0, 3).Select(_ => pacer.Reserve()).ToList();

        Assert.Equal([0, 100, 200], slots.Select(s => (int)Math.Round((s - now).TotalMilliseconds)));
    }

    [Fact]
    public void A_pause_holds_every_later_slot_until_it_ends()
    {
        var time = new FakeTimeProvider();
        var pacer = new Pacer(10, time);
        var until = time.GetUtcNow().AddSeconds(5);

        pacer.PauseUntil(until);

        Assert.Equal(until, pacer.Reserve());
    }

    [Fact]
    public async Task A_waiter_is_released_only_when_its_slot_comes()
    {
        var time = new FakeTimeProvider();
        var pacer = new Pacer(10, time);
        await pacer.WaitAsync(1, CancellationToken.None);

        var second = pacer.WaitAsync(1, CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(100));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(second.IsCompletedSuccessfully);
    }

    [Fact]
    public void One_chat_gets_at_most_one_message_a_second_and_other_chats_are_not_held_up()
    {
        var time = new FakeTimeProvider();
        var chats = new ChatSpacing(time);
        var now = time.GetUtcNow();

        Assert.Equal(now, chats.Reserve("1"));
        Assert.Equal(now.AddSeconds(1), chats.Reserve("1"));
        Assert.Equal(now, chats.Reserve("2"));
    }

    [Fact]
    public async Task An_urgent_waiter_takes_the_next_free_slot_ahead_of_bulk_waiters_queued_before_it()
    {
        var time = new FakeTimeProvider();
        var pacer = new Pacer(10, time);
        await pacer.WaitAsync(1, CancellationToken.None);
        var bulk = Enumerable.Range(0, 5).Select(n => (Name: $"bulk{n}", Task: Waiting(pacer, DeliveryPriority.Bulk))).ToList();
        var urgent = (Name: "urgent", Task: Waiting(pacer, DeliveryPriority.Answer));

        var order = await FinishingOrder(time, [.. bulk, urgent]);

        Assert.Equal(["bulk0", "urgent", "bulk1", "bulk2", "bulk3", "bulk4"], order);
    }

    [Fact]
    public async Task Within_one_priority_waiters_go_in_the_order_they_came()
    {
        var time = new FakeTimeProvider();
        var pacer = new Pacer(10, time);
        await pacer.WaitAsync(1, CancellationToken.None);
        var waiters = Enumerable.Range(0, 4).Select(n => (Name: $"w{n}", Task: Waiting(pacer, n == 0 ? DeliveryPriority.Bulk : DeliveryPriority.Urgent))).ToList();

        var order = await FinishingOrder(time, waiters);

        Assert.Equal(["w0", "w1", "w2", "w3"], order);
    }

    [Fact]
    public async Task A_send_whose_slot_would_come_after_its_limit_is_given_back_without_booking_it()
    {
        var time = new FakeTimeProvider();
        var pacer = new Pacer(10, time);
        var now = time.GetUtcNow();
        pacer.PauseUntil(now.AddSeconds(60));

        var sent = await pacer.StartAsync(1, DeliveryPriority.Bulk, now.AddSeconds(15), CancellationToken.None);

        Assert.Null(sent);
        Assert.Equal(now.AddSeconds(60), pacer.Reserve());
    }

    [Fact]
    public async Task A_waiter_still_in_line_at_its_limit_is_given_back()
    {
        var time = new FakeTimeProvider();
        var pacer = new Pacer(1, time);
        await pacer.WaitAsync(1, CancellationToken.None);
        var holder = pacer.StartAsync(1, DeliveryPriority.Bulk, DateTimeOffset.MaxValue, CancellationToken.None).AsTask();
        var late = pacer.StartAsync(1, DeliveryPriority.Bulk, time.GetUtcNow().AddMilliseconds(300), CancellationToken.None).AsTask();

        time.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Null(await late.WaitAsync(TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromMilliseconds(800)); // past its slot and the one-second window after the first send
        Assert.NotNull(await holder.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void A_busy_chat_is_refused_without_waiting_and_other_chats_are_free()
    {
        var time = new FakeTimeProvider();
        var chats = new ChatSpacing(time);
        var now = time.GetUtcNow();

        Assert.Null(chats.TryTake("1"));
        Assert.Equal(now.AddSeconds(1), chats.TryTake("1"));
        Assert.Null(chats.TryTake("2"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(chats.TryTake("1"));
    }

    [Fact]
    public async Task Counting_until_answered_a_send_still_unanswered_keeps_its_place_past_the_window()
    {
        var time = new FakeTimeProvider();
        var pacer = new Pacer(1, time, RateWindow.Counting.UntilAnswered);
        var first = await pacer.StartAsync(1, DeliveryPriority.Bulk, DateTimeOffset.MaxValue, CancellationToken.None);
        var second = pacer.StartAsync(1, DeliveryPriority.Bulk, DateTimeOffset.MaxValue, CancellationToken.None).AsTask();

        time.Advance(TimeSpan.FromSeconds(3)); // the request is still on its way: it may arrive together with the next
        Assert.False(second.IsCompleted);
        first!.Answered();
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.NotNull(await second.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Counting_from_the_start_an_unanswered_send_frees_its_place_after_the_window()
    {
        var time = new FakeTimeProvider();
        var pacer = new Pacer(1, time);
        await pacer.StartAsync(1, DeliveryPriority.Bulk, DateTimeOffset.MaxValue, CancellationToken.None);
        var second = pacer.StartAsync(1, DeliveryPriority.Bulk, DateTimeOffset.MaxValue, CancellationToken.None).AsTask();

        time.Advance(TimeSpan.FromMilliseconds(1020));

        Assert.NotNull(await second.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    static Task<Pacer.PacedSend?> Waiting(Pacer pacer, int priority) =>
        pacer.StartAsync(1, priority, DateTimeOffset.MaxValue, CancellationToken.None).AsTask();

    /// <summary>Moves the clock a slot at a time and notes who finished after each step: one waiter per slot.</summary>
    static async Task<List<string>> FinishingOrder(FakeTimeProvider time, List<(string Name, Task<Pacer.PacedSend?> Task)> waiters)
    {
        var order = new List<string>();
        var left = waiters.ToList();
        while (left.Count > 0)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(left.Select(w => w.Task)).WaitAsync(TimeSpan.FromSeconds(10));
            var done = left.Where(w => w.Task.IsCompleted).ToList();
            Assert.Single(done);
            order.Add(done[0].Name);
            left.Remove(done[0]);
        }
        return order;
    }
}
