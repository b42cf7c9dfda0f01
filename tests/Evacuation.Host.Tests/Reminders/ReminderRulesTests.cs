using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Reminders;

namespace Evacuation.Host.Tests.Reminders;

public sealed class ReminderRulesTests
{
    [Theory]
    [InlineData(JourneyStatus.Unconfirmed, BuiltInTemplate.Reminder)]
    [InlineData(JourneyStatus.OnTheWay, BuiltInTemplate.OnTheWayReminder)]
    [InlineData(JourneyStatus.Departed, null)]
    [InlineData(JourneyStatus.Staying, null)]
    [InlineData(JourneyStatus.NeedsHelp, null)]
    public void Each_status_gets_its_own_reminder_or_none(JourneyStatus status, BuiltInTemplate? expected) =>
        Assert.Equal(expected, ReminderRules.TemplateFor(status));

    [Theory]
    [InlineData("never contacted", null, false)]
    [InlineData("contacted an hour ago", 1, false)]
    [InlineData("contacted exactly four hours ago", 4, true)]
    [InlineData("contacted five hours ago", 5, true)]
    public void A_citizen_is_due_once_the_interval_has_passed(string label, int? hoursAgo, bool due)
    {
        var now = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
        DateTime? last = hoursAgo is { } h ? now.AddHours(-h) : null;
        Assert.True(ReminderRules.IsDue(last, TimeSpan.FromHours(4), now) == due, label);
    }

    [Theory]
    [InlineData(5, 6, false)]
    [InlineData(6, 6, true)]
    [InlineData(7, 6, true)]
    public void Escalation_is_due_after_the_last_allowed_reminder(int sent, int max, bool due) =>
        Assert.Equal(due, ReminderRules.IsEscalationDue(sent, max));

    [Fact]
    public void On_the_way_citizens_wait_the_longer_interval() =>
        Assert.Equal(TimeSpan.FromHours(12), ReminderRules.IntervalFor(JourneyStatus.OnTheWay, TimeSpan.FromHours(4), TimeSpan.FromHours(12)));

    [Fact]
    public void A_reply_resets_the_count_and_takes_the_citizen_off_the_call_list()
    {
        var citizen = new Citizen { RemindersSent = 6, EscalatedAt = DateTime.UtcNow };
        ReminderRules.CitizenReplied(citizen);
        Assert.Equal(0, citizen.RemindersSent);
        Assert.Null(citizen.EscalatedAt);
    }
}
