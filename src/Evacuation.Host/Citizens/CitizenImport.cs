using System.Text;
using System.Threading.Channels;
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
    public const int BatchSize = 1000;

    public static readonly string[] Columns = ["externalId", "name", "phone", "telegramChatId", "language", "region", "householdSize"];

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
            $"imported {result.Imported}, updated {result.Updated}, unchanged {result.Unchanged}, rejected {result.Rejected.Count}");
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
        var header = await rows.ReadAsync(cancellationToken);
        if (header is null)
        {
            return (null, Problem.BadRequest($"The file is empty. Its first line must be the header: {string.Join(",", Columns)}"));
        }
        if (header.Error is not null)
        {
            return (null, Problem.BadRequest($"Line {header.Line}, the header, cannot be read: {header.Error}"));
        }
        var map = ColumnMap.From(header.Fields);
        if (map.Phone < 0 && map.TelegramChatId < 0)
        {
            return (null, Problem.BadRequest(
                $"The header must name the columns, including phone or telegramChatId; expected {string.Join(",", Columns)}"));
        }

        var rejected = new List<ImportRejection>();
        var warnings = map.Unknown.Select(name => new ImportWarning(header.Line, $"column '{name}' is not used")).ToList();
        var seenExternalIds = new Dictionary<string, int>(StringComparer.Ordinal);
        // Every key of the file is remembered to the end (in-file duplicates are refused with the first line): phones
        // as their E.164 digits in a long, not as strings, which kept 4 MB more alive through a 100,000-row import.
        var seenPhones = new Dictionary<long, int>();
        var seenChats = new Dictionary<long, int>();
        var batch = new ImportBatch(BatchSize);

        // Reading and checking the next batch (CSV, phone numbers) runs while the previous one is written: two cores,
        // two halves of the work. One batch waits at most, so memory stays flat however long the file.
        var writer = new ImportWriter(registry, actor);
        var batches = Channel.CreateBounded<ImportBatch>(1);
        var writing = Task.Run(() => writer.WriteAllAsync(batches, cancellationToken), cancellationToken);

        async Task FlushAsync()
        {
            if (batch.Fields.Count == 0)
            {
                return;
            }
            try
            {
                batch.Found = await CitizenRegistry.FindAsync(lookups, batch.Fields, cancellationToken);
                await batches.Writer.WriteAsync(batch, cancellationToken);
            }
            catch (ChannelClosedException)
            {
                await writing;
                throw;
            }
            batch = new ImportBatch(BatchSize);
        }

        while (await rows.ReadAsync(cancellationToken) is { } row)
        {
            if (row.Error is not null)
            {
                rejected.Add(new ImportRejection(row.Line, row.Error));
                continue;
            }
            if (row.Fields.Count > header.Fields.Count)
            {
                rejected.Add(new ImportRejection(row.Line, $"the row has {row.Fields.Count} fields but the header has {header.Fields.Count}; check for an unquoted comma"));
                continue;
            }
            var check = rules.Check(map.Read(row.Fields));
            foreach (var warning in check.Warnings)
            {
                warnings.Add(new ImportWarning(row.Line, warning));
            }
            if (!check.IsValid)
            {
                rejected.Add(new ImportRejection(row.Line, string.Join("; ", check.Errors)));
                continue;
            }
            var fields = check.Fields!;
            if (fields.ExternalId is not null && seenExternalIds.TryGetValue(fields.ExternalId, out var firstLine))
            {
                rejected.Add(new ImportRejection(row.Line, $"externalId '{fields.ExternalId}' already appears on line {firstLine} of this file"));
                continue;
            }
            if (fields.Phone is not null && seenPhones.TryGetValue(PhoneNumber.Digits(fields.Phone), out var phoneLine))
            {
                rejected.Add(new ImportRejection(row.Line, $"phone {PhoneNumber.Mask(fields.Phone)} already appears on line {phoneLine} of this file"));
                continue;
            }
            if (fields.TelegramChatId is { } chat && seenChats.TryGetValue(chat, out var chatLine))
            {
                rejected.Add(new ImportRejection(row.Line, $"telegramChatId {chat} already appears on line {chatLine} of this file"));
                continue;
            }
            if (fields.ExternalId is not null)
            {
                seenExternalIds[fields.ExternalId] = row.Line;
            }
            if (fields.Phone is not null)
            {
                seenPhones[PhoneNumber.Digits(fields.Phone)] = row.Line;
            }
            if (fields.TelegramChatId is { } c)
            {
                seenChats[c] = row.Line;
            }
            batch.Lines.Add(row.Line);
            batch.Fields.Add(fields);
            if (batch.Fields.Count == BatchSize)
            {
                await FlushAsync();
            }
        }
        await FlushAsync();
        batches.Writer.TryComplete();
        await writing;
        rejected.AddRange(writer.Refused);
        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (new ImportAnswer(writer.Imported, writer.Updated, writer.Unchanged, rejected, warnings), null);
    }

    /// <summary>Where each known column is in this file's header (any order, any case).</summary>
    sealed class ColumnMap
    {
        public int ExternalId { get; private init; } = -1;
        public int Name { get; private init; } = -1;
        public int Phone { get; private init; } = -1;
        public int TelegramChatId { get; private init; } = -1;
        public int Language { get; private init; } = -1;
        public int Region { get; private init; } = -1;
        public int HouseholdSize { get; private init; } = -1;
        public List<string> Unknown { get; } = [];

        public static ColumnMap From(IReadOnlyList<string> header)
        {
            int Find(string column)
            {
                for (var i = 0; i < header.Count; i++)
                {
                    if (string.Equals(header[i].Trim(), column, StringComparison.OrdinalIgnoreCase))
                    {
                        return i;
                    }
                }
                return -1;
            }
            var map = new ColumnMap
            {
                ExternalId = Find("externalId"),
                Name = Find("name"),
                Phone = Find("phone"),
                TelegramChatId = Find("telegramChatId"),
                Language = Find("language"),
                Region = Find("region"),
                HouseholdSize = Find("householdSize"),
            };
            map.Unknown.AddRange(header.Where(h => !Columns.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase) && h.Trim().Length > 0));
            return map;
        }

        public CitizenInput Read(IReadOnlyList<string> fields)
        {
            string? At(int index) => index >= 0 && index < fields.Count ? fields[index] : null;
            return new CitizenInput(At(ExternalId), At(Name), At(Phone), At(TelegramChatId), At(Language), At(Region), At(HouseholdSize));
        }
    }
}
