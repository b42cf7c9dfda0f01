using System.Text;
using Evacuation.Core.Citizens;
using Evacuation.Core.Citizens.Import;
using Evacuation.Data;
using Evacuation.Host.Api;
using Evacuation.Host.Auditing;
using Evacuation.Host.Operators;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Citizens;

/// <summary>
/// <c>POST /api/citizens/import</c>: a CSV of consular records, read as it arrives and stored a batch at a time.
/// Good rows are stored even when others in the same file are refused; each refusal names its line and why.
/// </summary>
public static class CitizenImport
{
    public const long MaxBodyBytes = 200L * 1024 * 1024;

    static readonly string[] AcceptedTypes = ["text/csv", "application/csv", "text/plain"];

    public static async Task<IResult> HandleAsync(
        HttpContext context, CitizenRules rules, CitizenRegistry registry, EvacuationDb db, IDbContextFactory<EvacuationDb> databases, TimeProvider time)
    {
        var contentType = context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (contentType is null || !AcceptedTypes.Contains(contentType))
        {
            return Problem.UnsupportedMediaType("text/csv");
        }
        var actor = Roles.NameOf(context.User);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        await using var lookups = await databases.CreateDbContextAsync(context.RequestAborted);
        (ImportAnswer? Answer, IResult? Problem) answer;
        // The batches commit without waiting for the disk; the audit record's commit below waits for all of them, so
        // the answer still goes out only once every stored row is on disk.
        await using (await Durability.DeferAsync(db, context.RequestAborted))
        {
            answer = await ImportAsync(reader, rules, registry, lookups, actor, context.RequestAborted);
        }
        if (answer.Problem is not null)
        {
            return answer.Problem;
        }
        var result = answer.Answer!;
        db.Record(time.GetUtcNow().UtcDateTime, actor, "citizens.import", null,
            $"imported {result.Imported}, updated {result.Updated}, unchanged {result.Unchanged}, rejected {result.RejectedTotal}");
        await db.SaveChangesAsync(context.RequestAborted);
        return TypedResults.Ok(result);
    }

    /// <summary>
    /// Reads and stores a whole file; <paramref name="lookups"/> is a second connection, besides the registry's, for
    /// looking up the next batch while the registry writes the previous one.
    /// </summary>
    static async Task<(ImportAnswer? Answer, IResult? Problem)> ImportAsync(
        TextReader reader, CitizenRules rules, CitizenRegistry registry, EvacuationDb lookups, string actor, CancellationToken cancellationToken)
    {
        var rows = new CsvRows(reader, maxFieldLength: 1000);
        var (header, columns, problem) = await ReadHeaderAsync(rows, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }
        var rejected = new ImportLines<ImportRejection>();
        var warnings = new ImportLines<ImportWarning>();
        foreach (var name in columns!.Unknown)
        {
            warnings.Add(new ImportWarning(header!.Line, $"column '{name}' is not used"));
        }
        var seen = new KeysInFile();
        var writer = new ImportWriter(registry, actor);
        var queue = new ImportQueue(writer, lookups, cancellationToken);
        while (await rows.ReadAsync(cancellationToken) is { } row)
        {
            var (fields, reason) = Check(row, header!.Fields.Count, columns, rules, seen, warnings);
            if (fields is null)
            {
                rejected.Add(new ImportRejection(row.Line, reason!));
                continue;
            }
            await queue.AddAsync(row.Line, fields);
        }
        await queue.CompleteAsync();
        var shown = rejected.FirstWith(writer.Refused, r => r.Line);
        return (new ImportAnswer(writer.Imported, writer.Updated, writer.Unchanged, shown, warnings.First,
            rejected.Total + writer.Refused.Total, warnings.Total), null);
    }

    static async Task<(CsvRow? Header, CsvColumns? Columns, IResult? Problem)> ReadHeaderAsync(CsvRows rows, CancellationToken cancellationToken)
    {
        var expected = string.Join(",", CsvColumns.Names);
        var header = await rows.ReadAsync(cancellationToken);
        if (header is null)
        {
            return (null, null, Problem.BadRequest($"The file is empty. Its first line must be the header: {expected}"));
        }
        if (header.Error is not null)
        {
            return (null, null, Problem.BadRequest($"Line {header.Line}, the header, cannot be read: {header.Error}"));
        }
        var columns = CsvColumns.From(header.Fields);
        return columns.NamesAContact
            ? (header, columns, null)
            : (null, null, Problem.BadRequest($"The header must name the columns, including phone or telegramChatId; expected {expected}"));
    }

    /// <summary>A row's checked fields, or why it is refused; its warnings are added to <paramref name="warnings"/>.</summary>
    static (CitizenFields? Fields, string? Reason) Check(
        CsvRow row, int headerFields, CsvColumns columns, CitizenRules rules, KeysInFile seen, ImportLines<ImportWarning> warnings)
    {
        if (row.Error is not null)
        {
            return (null, row.Error);
        }
        if (row.Fields.Count > headerFields)
        {
            return (null, $"the row has {row.Fields.Count} fields but the header has {headerFields}; check for an unquoted comma");
        }
        var check = rules.Check(columns.Read(row.Fields));
        foreach (var warning in check.Warnings)
        {
            warnings.Add(new ImportWarning(row.Line, warning));
        }
        if (!check.IsValid)
        {
            return (null, string.Join("; ", check.Errors));
        }
        return seen.Claim(check.Fields!, row.Line) is { } repeated ? (null, repeated) : (check.Fields, null);
    }
}
