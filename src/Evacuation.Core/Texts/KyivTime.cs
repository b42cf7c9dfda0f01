using System.Globalization;

namespace Evacuation.Core.Texts;

/// <summary>
/// The clock citizens in Ukraine read: route messages say "as of 14:05 Kyiv time", because a crossing that was open
/// at 14:05 may have closed by the time the message is read.
/// </summary>
public static class KyivTime
{
    /// <summary>
    /// The system's zone when it has one (IANA "Europe/Kyiv", older tzdata "Europe/Kiev", Windows "FLE Standard Time"),
    /// else Eastern European Time with EU summer time (UTC+2, UTC+3 from the last Sunday of March to the last Sunday of
    /// October at 01:00 UTC), which Ukraine follows.
    /// </summary>
    static readonly TimeZoneInfo Zone = Find("Europe/Kyiv", "Europe/Kiev", "FLE Standard Time") ?? EasternEuropeanTime();

    /// <summary>"14:05": hours and minutes on the 24-hour clock, always five characters.</summary>
    public static string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    static TimeZoneInfo? Find(params string[] ids)
    {
        foreach (var id in ids)
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }
        return null;
    }

    static TimeZoneInfo EasternEuropeanTime()
    {
        var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 3, 5, DayOfWeek.Sunday);
        var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 4, 0, 0), 10, 5, DayOfWeek.Sunday);
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
        return TimeZoneInfo.CreateCustomTimeZone("Kyiv", TimeSpan.FromHours(2), "Kyiv", "EET", "EEST", [rule]);
    }
}
