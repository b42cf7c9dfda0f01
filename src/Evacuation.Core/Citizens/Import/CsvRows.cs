using System.Buffers;
using System.Text;

namespace Evacuation.Core.Citizens.Import;

/// <summary>
/// Reads RFC 4180 CSV from a stream one record at a time, never holding the file in memory.
/// </summary>
/// <remarks>
/// Our own small reader rather than a library's because an import must (1) report the physical line a record
/// starts on, even after quoted fields with line breaks, and (2) reject one malformed record and carry on with the
/// next line instead of failing the whole file. Handles a UTF-8 BOM, CRLF/LF/CR line ends, quoted fields with
/// commas, doubled quotes and line breaks; blank lines are skipped.
/// </remarks>
public sealed class CsvRows(TextReader reader, int maxFieldLength = 10_000, int maxFields = 64)
{
    static readonly SearchValues<char> FieldStops = SearchValues.Create(",\r\n");
    static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\r\n");

    readonly char[] buffer = new char[64 * 1024];
    int position;
    int length;
    bool endOfFile;
    int line = 1;
    bool firstRead = true;

    /// <summary>The next record, or null at the end of the file.</summary>
    public async ValueTask<CsvRow?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (!await HasCharAsync(cancellationToken))
            {
                return null;
            }
            if (firstRead)
            {
                firstRead = false;
                if (buffer[position] == '\uFEFF')
                {
                    position++;
                    continue;
                }
            }
            var c = buffer[position];
            if (c is '\r' or '\n')
            {
                await ConsumeLineEndAsync(cancellationToken); // a blank line: skipped without comment
                continue;
            }
            return await ReadRecordAsync(cancellationToken);
        }
    }

    async ValueTask<CsvRow> ReadRecordAsync(CancellationToken cancellationToken)
    {
        var startLine = line;
        var fields = new List<string>();
        var field = new StringBuilder();
        string? error = null;

        while (true)
        {
            // At the start of a field.
            field.Clear();
            var quoted = await HasCharAsync(cancellationToken) && buffer[position] == '"';
            if (quoted)
            {
                position++;
                var closed = false;
                while (await HasCharAsync(cancellationToken))
                {
                    // Copy the plain run up to the next quote or line break in one go.
                    var span = buffer.AsSpan(position, length - position);
                    var stop = span.IndexOfAny(QuotedStops);
                    var run = stop < 0 ? span : span[..stop];
                    Append(field, run, ref error);
                    position += run.Length;
                    if (stop < 0)
                    {
                        continue;
                    }
                    var c = buffer[position++];
                    if (c == '"')
                    {
                        if (await HasCharAsync(cancellationToken) && buffer[position] == '"')
                        {
                            position++;
                            Append(field, '"', ref error);
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    if (c == '\n' || (c == '\r' && !(await HasCharAsync(cancellationToken) && buffer[position] == '\n')))
                    {
                        line++;
                    }
                    Append(field, c, ref error);
                }
                if (!closed)
                {
                    error ??= "a quoted field is never closed: check for a missing closing quote (\")";
                    return new CsvRow(startLine, [], error);
                }
                if (await HasCharAsync(cancellationToken) && buffer[position] is not (',' or '\r' or '\n'))
                {
                    error ??= "text follows a closing quote; inside a quoted field write a quote as two quotes (\"\")";
                    await SkipRestOfLineAsync(cancellationToken);
                    return new CsvRow(startLine, [], error);
                }
            }
            else
            {
                while (await HasCharAsync(cancellationToken))
                {
                    var span = buffer.AsSpan(position, length - position);
                    var stop = span.IndexOfAny(FieldStops);
                    var run = stop < 0 ? span : span[..stop];
                    Append(field, run, ref error);
                    position += run.Length;
                    if (stop >= 0)
                    {
                        break;
                    }
                }
            }

            if (fields.Count < maxFields)
            {
                fields.Add(field.ToString());
            }
            else
            {
                error ??= $"more than {maxFields} fields";
            }

            if (!await HasCharAsync(cancellationToken))
            {
                break;
            }
            if (buffer[position] == ',')
            {
                position++;
                continue;
            }
            await ConsumeLineEndAsync(cancellationToken);
            break;
        }

        return error is null ? new CsvRow(startLine, fields) : new CsvRow(startLine, [], error);
    }

    void Append(StringBuilder field, ReadOnlySpan<char> run, ref string? error)
    {
        if (field.Length + run.Length <= maxFieldLength)
        {
            field.Append(run);
        }
        else
        {
            error ??= $"a field is longer than {maxFieldLength} characters";
        }
    }

    void Append(StringBuilder field, char c, ref string? error)
    {
        if (field.Length < maxFieldLength)
        {
            field.Append(c);
        }
        else
        {
            error ??= $"a field is longer than {maxFieldLength} characters";
        }
    }

    async ValueTask SkipRestOfLineAsync(CancellationToken cancellationToken)
    {
        while (await HasCharAsync(cancellationToken) && buffer[position] is not ('\r' or '\n'))
        {
            position++;
        }
        await ConsumeLineEndAsync(cancellationToken);
    }

    async ValueTask ConsumeLineEndAsync(CancellationToken cancellationToken)
    {
        if (!await HasCharAsync(cancellationToken))
        {
            return;
        }
        var c = buffer[position++];
        if (c == '\r' && await HasCharAsync(cancellationToken) && buffer[position] == '\n')
        {
            position++;
        }
        line++;
    }

    ValueTask<bool> HasCharAsync(CancellationToken cancellationToken)
    {
        if (position < length)
        {
            return ValueTask.FromResult(true);
        }
        return endOfFile ? ValueTask.FromResult(false) : FillAsync(cancellationToken);
    }

    async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        length = await reader.ReadAsync(buffer.AsMemory(), cancellationToken);
        position = 0;
        if (length == 0)
        {
            endOfFile = true;
            return false;
        }
        return true;
    }
}
