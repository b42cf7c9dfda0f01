using Evacuation.Host.Stats;

namespace Evacuation.Host.Tests.Stats;

public sealed class ConfirmationTimelineTests
{
    static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    public static Labelled<int[], int, int[]> Cases => new()
    {
        // label, confirmations (minutes before now), expected bucket width, expected counts at buckets 1, 12 and 24
        { "nobody yet: the last hour, all zero", [], 3, [0, 0, 0] },
        { "all within the hour: the last hour", [50, 10, 1], 3, [0, 1, 3] },
        { "spread over a day: a day in 60-minute buckets", [1439, 720, 0], 60, [1, 2, 3] },
        { "a confirmation exactly at a bucket's end counts in that bucket", [69], 3, [1, 1, 1] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Confirmations_are_counted_cumulatively_in_24_buckets_ending_now(int[] minutesAgo, int width, int[] counts)
    {
        var timeline = ConfirmationTimeline.Bucket([.. minutesAgo.Select(m => Now.AddMinutes(-m))], Now);

        Assert.True(width == timeline.BucketMinutes);
        Assert.Equal(ConfirmationTimeline.Buckets, timeline.Points.Count);
        Assert.Equal(Now, timeline.Points[^1].At);
        int[] actual = [timeline.Points[0].Departed, timeline.Points[11].Departed, timeline.Points[23].Departed];
        Assert.Equal(counts, actual);
    }
}
