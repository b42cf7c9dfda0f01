using System.Buffers;
using System.Text;
using System.Runtime.CompilerServices;

namespace Evacuation.Core.Citizens.Import;

/// <summary>
/// Reads RFC 4180 CSV from a stream one record at a time, never holding the file in memory.
/// </summary>
/// <remarks>
/// Our own small reader rather than a library's because an import must (1) report the physical line a record
/// starts on, even after quoted fields with line breaks, and (2) reject one malformed record and carry on with the
/// next line instead of failing the whole file. Handles a UTF-8 BOM, CRLF/LF/CR line ends, quoted fields with
/// commas, doubled quotes and line breaks; blank lines are skipped.
/// The parser is a synchronous state machine over the read buffer that remembers where it stopped, so a record
/// split across two reads carries on where it was; only refilling the buffer awaits. Fields found whole in the
/// buffer become strings straight from it.
/// </remarks>
public sealed class CsvRows(TextReader reader, int maxFieldLength = 10_000, int maxFields = 64)
{
    static readonly SearchValues<char> FieldStops = SearchValues.Create(",\r\n");
    static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\r\n");
    static readonly SearchValues<char> LineEnds = SearchValues.Create("\r\n");

    /// <summary>Where the parser is; each state names what the next character decides.</summary>
    enum State
    {
        /// <summary>Before a record: blank lines are skipped here.</summary>
        BetweenRecords,
        /// <summary>A CR ended a line; an LF right after it belongs to the same line end.</summary>
        AfterCarriageReturn,
        FieldStart,
        Unquoted,
        Quoted,
        /// <summary>A quote inside a quoted field: a second quote is a literal one, anything else closes the field.</summary>
        QuoteInQuoted,
        /// <summary>A CR inside a quoted field: the line is counted at the LF if one follows, else here.</summary>
        CarriageReturnInQuoted,
        /// <summary>At the comma or line end after a field.</summary>
        AfterField,
        /// <summary>The record is already refused; the rest of its line is skipped.</summary>
        SkippingLine,
    }

    readonly char[] buffer = new char[64 * 1024];
    readonly StringBuilder text = new();
    int position;
    int length;
    bool endOfFile;
    bool startOfFile = true;
    int line = 1;

    State state = State.BetweenRecords;
    int recordLine;
    int expectedFields = 8;
    List<string> fields = [];
    string? error;

    /// <summary>The next record, or null at the end of the file.</summary>
    public async ValueTask<CsvRow?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (Parse() is { } row)
            {
                return row;
            }
            if (endOfFile)
            {
                return Finish();
            }
            length = await reader.ReadAsync(buffer.AsMemory(), cancellationToken);
            position = 0;
            endOfFile = length == 0;
        }
    }

    /// <summary>Parses from the buffer until a record is complete (returned) or the buffer is used up (null).</summary>
    // Runs once per row of an import: compiled optimized at first call instead of starting as unoptimized code that is
    // replaced mid-import (with TieredPGO off, the optimized code is the same either way).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    CsvRow? Parse()
    {
        while (position < length)
        {
            if (Step())
            {
                return Complete();
            }
        }
        return null;
    }

    /// <summary>One step of the state machine from the current position; true when it completed a record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    bool Step()
    {
        switch (state)
        {
            case State.BetweenRecords:
                BetweenRecords();
                return false;
            case State.AfterCarriageReturn:
                if (buffer[position] == '\n')
                {
                    position++;
                }
                state = State.BetweenRecords;
                return false;
            case State.FieldStart:
                text.Clear();
                var quoted = buffer[position] == '"';
                position += quoted ? 1 : 0;
                state = quoted ? State.Quoted : State.Unquoted;
                return false;
            case State.Unquoted:
                Unquoted();
                return false;
            case State.Quoted:
                Quoted();
                return false;
            case State.CarriageReturnInQuoted:
                if (buffer[position] != '\n')
                {
                    line++;
                }
                state = State.Quoted;
                return false;
            case State.QuoteInQuoted:
                QuoteInQuoted();
                return false;
            case State.SkippingLine:
                SkippingLine();
                return false;
            default:
                return AfterField();
        }
    }

    void BetweenRecords()
    {
        var c = buffer[position];
        if (startOfFile)
        {
            startOfFile = false;
            if (c == '\uFEFF')
            {
                position++;
                return;
            }
        }
        if (c is '\r' or '\n')
        {
            // A blank line: skipped without comment.
            position++;
            line++;
            state = c == '\r' ? State.AfterCarriageReturn : State.BetweenRecords;
            return;
        }
        recordLine = line;
        fields = new List<string>(expectedFields);
        error = null;
        state = State.FieldStart;
    }

    void Unquoted()
    {
        var rest = buffer.AsSpan(position, length - position);
        var stop = rest.IndexOfAny(FieldStops);
        if (stop < 0)
        {
            Append(rest);
            position = length;
            return;
        }
        if (text.Length == 0 && stop <= maxFieldLength)
        {
            AddField(new string(rest[..stop]));
        }
        else
        {
            Append(rest[..stop]);
            AddField(text.ToString());
        }
        position += stop;
        state = State.AfterField;
    }

    void Quoted()
    {
        var rest = buffer.AsSpan(position, length - position);
        var stop = rest.IndexOfAny(QuotedStops);
        Append(stop < 0 ? rest : rest[..stop]);
        if (stop < 0)
        {
            position = length;
            return;
        }
        position += stop;
        var c = buffer[position++];
        if (c == '"')
        {
            state = State.QuoteInQuoted;
            return;
        }
        Append(c);
        if (c == '\n')
        {
            line++;
        }
        else
        {
            state = State.CarriageReturnInQuoted;
        }
    }

    void QuoteInQuoted()
    {
        if (buffer[position] == '"')
        {
            position++;
            Append('"');
            state = State.Quoted;
            return;
        }
        AddField(text.ToString());
        if (buffer[position] is ',' or '\r' or '\n')
        {
            state = State.AfterField;
            return;
        }
        error ??= "text follows a closing quote; inside a quoted field write a quote as two quotes (\"\")";
        state = State.SkippingLine;
    }

    void SkippingLine()
    {
        var stop = buffer.AsSpan(position, length - position).IndexOfAny(LineEnds);
        if (stop < 0)
        {
            position = length;
            return;
        }
        position += stop;
        state = State.AfterField;
    }

    /// <summary>A comma starts the next field; a line end completes the record.</summary>
    bool AfterField()
    {
        var c = buffer[position++];
        if (c == ',')
        {
            state = State.FieldStart;
            return false;
        }
        line++;
        state = c == '\r' ? State.AfterCarriageReturn : State.BetweenRecords;
        return true;
    }

    /// <summary>The end of the file: completes the record in progress, if any.</summary>
    CsvRow? Finish()
    {
        switch (state)
        {
            case State.BetweenRecords or State.AfterCarriageReturn:
                return null;
            case State.Quoted or State.CarriageReturnInQuoted:
                error ??= "a quoted field is never closed: check for a missing closing quote (\")";
                break;
            case State.FieldStart:
                AddField("");
                break;
            case State.Unquoted or State.QuoteInQuoted:
                AddField(text.ToString());
                break;
        }
        state = State.BetweenRecords;
        return Complete();
    }

    CsvRow Complete()
    {
        if (error is not null)
        {
            return new CsvRow(recordLine, [], error);
        }
        expectedFields = fields.Count;
        return new CsvRow(recordLine, fields);
    }

    void AddField(string value)
    {
        if (fields.Count < maxFields)
        {
            fields.Add(value);
        }
        else
        {
            error ??= $"more than {maxFields} fields";
        }
    }

    void Append(ReadOnlySpan<char> run)
    {
        if (text.Length + run.Length <= maxFieldLength)
        {
            text.Append(run);
        }
        else
        {
            error ??= $"a field is longer than {maxFieldLength} characters";
        }
    }

    void Append(char c)
    {
        if (text.Length < maxFieldLength)
        {
            text.Append(c);
        }
        else
        {
            error ??= $"a field is longer than {maxFieldLength} characters";
        }
    }
}
