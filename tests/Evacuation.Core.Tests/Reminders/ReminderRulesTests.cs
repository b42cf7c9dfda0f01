using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Reminders;

namespace Evacuation.Core.Tests.Reminders;

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
}
