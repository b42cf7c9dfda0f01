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
}
