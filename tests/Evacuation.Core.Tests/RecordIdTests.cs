using Evacuation.Core;

namespace Evacuation.Core.Tests;

public sealed class RecordIdTests
{
    [Fact]
    public void Ids_are_version_7_with_the_rfc_variant_and_the_current_time()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var id = RecordId.New();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
        var text = id.ToString("N");
        var milliseconds = Convert.ToInt64(text[..12], 16);
        Assert.InRange(milliseconds, before, after);
    }

    [Fact]
    public void Many_ids_are_all_different_and_sort_by_creation_time_as_text()
    {
        var ids = Enumerable.Range(0, 100_000).Select(_ => RecordId.New()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        // SQLite stores GUIDs as upper-case text: consecutive ids must never sort before an earlier millisecond.
        var stamps = ids.ConvertAll(i => i.ToString("D").ToUpperInvariant()[..13]);
        Assert.Equal(stamps.Order(StringComparer.Ordinal), stamps);
    }
}
