using Evacuation.Core.Citizens.Import;

namespace Evacuation.Core.Tests.Citizens.Import;

public sealed class CsvRowsTests
{
    static async Task<List<CsvRow>> ReadAllAsync(string text, int maxFieldLength = 10_000)
    {
        var rows = new CsvRows(new StringReader(text), maxFieldLength);
        var result = new List<CsvRow>();
        while (await rows.ReadAsync() is { } row)
        {
            result.Add(row);
        }
        return result;
    }

    [Theory]
    [InlineData("a,b\n1,2\n", Label = "LF")]
    [InlineData("a,b\r\n1,2\r\n", Label = "CRLF")]
    [InlineData("a,b\r1,2\r", Label = "CR")]
    [InlineData("a,b\n1,2", Label = "no final line end")]
    [InlineData("\uFEFFa,b\n1,2\n", Label = "BOM")]
    public async Task Every_line_ending_gives_the_same_records(string text)
    {
        var rows = await ReadAllAsync(text);
        Assert.True(rows.Count == 2);
        Assert.Equal(["a", "b"], rows[0].Fields);
        Assert.Equal(["1", "2"], rows[1].Fields);
        Assert.Equal(2, rows[1].Line);
    }

    [Fact]
    public async Task Quoted_fields_keep_commas_doubled_quotes_and_line_breaks_and_lines_are_counted_in_the_file()
    {
        var rows = await ReadAllAsync("h1,h2\n\"a, b\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\n\nlast,row\n");
        Assert.Equal(["a, b", "say \"hi\""], rows[1].Fields);
        Assert.Equal(["two\nlines", "x"], rows[2].Fields);
        Assert.Equal(3, rows[2].Line);
        Assert.Equal(["last", "row"], rows[3].Fields);
        Assert.Equal(6, rows[3].Line);
    }

    [Fact]
    public async Task Empty_fields_are_kept()
    {
        var rows = await ReadAllAsync(",,\n");
        Assert.Equal(["", "", ""], Assert.Single(rows).Fields);
    }

    [Fact]
    public async Task Text_after_a_closing_quote_refuses_that_record_and_the_next_line_is_read()
    {
        var rows = await ReadAllAsync("h\n\"bad\"x,1\ngood,2\n");
        Assert.Equal(2, rows[1].Line);
        Assert.Contains("closing quote", rows[1].Error);
        Assert.Equal(["good", "2"], rows[2].Fields);
        Assert.Equal(3, rows[2].Line);
    }

    [Fact]
    public async Task A_quote_never_closed_refuses_the_rest_of_the_file_as_one_record()
    {
        var rows = await ReadAllAsync("h\n\"open,1\nmore\n");
        Assert.Equal(2, rows[1].Line);
        Assert.Contains("never closed", rows[1].Error);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task A_field_over_the_limit_refuses_its_record_without_holding_it_in_memory()
    {
        var rows = await ReadAllAsync("h\n" + new string('x', 50_000) + ",1\nok,2\n", maxFieldLength: 100);
        Assert.Contains("longer than 100", rows[1].Error);
        Assert.Equal(["ok", "2"], rows[2].Fields);
    }

    [Fact]
    public async Task Records_longer_than_the_read_buffer_are_read_whole()
    {
        var big = new string('y', 200_000);
        var rows = await ReadAllAsync($"h\n\"{big}\",z\n", maxFieldLength: 300_000);
        Assert.Equal([big, "z"], rows[1].Fields);
    }

    public static TheoryData<string> Tricky => new()
    {
        "\uFEFFa,b\r\n1,2\r\n",
        "h1,h2\r\n\"a, b\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",x\r\n\r\n\r\nlast,row",
        "a,b\r1,2\r\r3,\"4\r5\"\r",
        "h\n\"bad\"x,1\ngood,2\n,,\n\"\"\n",
        "h\n\"open,1\nmore\n",
        "h\n" + new string('x', 300) + ",1\nok,\"" + new string('y', 300) + "\"\nlast,",
        "h\n\"quoted\r\"\n\"ends with quote\"\"\"",
    };

    /// <summary>A reader that hands out at most a few characters per read, so every split point of a record is crossed.</summary>
    sealed class Trickle(string text, int most) : TextReader
    {
        int at;

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            var count = Math.Min(Math.Min(most, buffer.Length), text.Length - at);
            text.AsSpan(at, count).CopyTo(buffer.Span);
            at += count;
            return ValueTask.FromResult(count);
        }
    }

    [Theory]
    [MemberData(nameof(Tricky))]
    public async Task Records_split_across_reads_at_any_point_read_as_if_whole(string text)
    {
        var whole = await ReadAllAsync(text, maxFieldLength: 250);
        Assert.NotEmpty(whole);
        for (var most = 1; most <= 7; most++)
        {
            var rows = new CsvRows(new Trickle(text, most), 250);
            var split = new List<CsvRow>();
            while (await rows.ReadAsync() is { } row)
            {
                split.Add(row);
            }
            Assert.Equal(whole.Select(r => (r.Line, string.Join("|", r.Fields), r.Error)), split.Select(r => (r.Line, string.Join("|", r.Fields), r.Error)));
        }
    }

    [Fact]
    public async Task Line_ends_inside_and_after_quoted_fields_are_counted_once()
    {
        var rows = await ReadAllAsync("h\r\n\"a\r\nb\rc\",1\r\nnext,2\r\n");
        Assert.Equal(["a\r\nb\rc", "1"], rows[1].Fields);
        Assert.Equal(2, rows[1].Line);
        Assert.Equal(5, rows[2].Line);
        Assert.Equal(["next", "2"], rows[2].Fields);
    }

    [Fact]
    public async Task A_record_with_a_long_field_is_refused_whole_and_its_quoted_line_breaks_stay_inside_it()
    {
        var rows = await ReadAllAsync("h\n" + new string('x', 20) + ",\"multi\nline\",z\nnext,1\n", maxFieldLength: 10);
        Assert.Equal(3, rows.Count);
        Assert.Contains("longer than 10", rows[1].Error);
        Assert.Equal(["next", "1"], rows[2].Fields);
        Assert.Equal(4, rows[2].Line);
    }
}
