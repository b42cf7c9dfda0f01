using System.Text;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Host.Auditing;
using Evacuation.Host.Operators;
using Microsoft.EntityFrameworkCore;
using Evacuation.Core.Drills;

namespace Evacuation.Host.Reports;

/// <summary>
/// <c>/api/reports/*</c>: lists for people to act on. They hold whole phone numbers and chat ids, so they need an
/// Operator key and every read is written to the audit log with the key's name.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/unconfirmed", UnconfirmedAsync).WithTags("Reports").RequireAuthorization(Roles.Operator);
        app.MapGet("/api/reports/call-list", CallListAsync).WithTags("Reports").RequireAuthorization(Roles.Operator);
        return app;
    }

    static async Task<IResult> CallListAsync(HttpContext context, EvacuationDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var list = await CallList.ReadAsync(db, cancellationToken);
        db.Record(time.GetUtcNow().UtcDateTime, Roles.NameOf(context.User), "reports.call-list", null, $"{list.Count} citizens");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(list);
    }

    /// <summary>Every citizen not yet Departed, streamed as CSV straight from the database.</summary>
    static async Task UnconfirmedAsync(HttpContext context, EvacuationDb db, TimeProvider time)
    {
        db.Record(time.GetUtcNow().UtcDateTime, Roles.NameOf(context.User), "reports.unconfirmed", null, "CSV export");
        await db.SaveChangesAsync(context.RequestAborted);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"unconfirmed.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false), 64 * 1024);
        await writer.WriteAsync("id,externalId,name,phone,telegramChatId,language,region,householdSize,status,optedOut,assignedCrossing,lastContactAt,remindersSent\n");
        var citizens = db.Citizens.NotInDrills().AsNoTracking()
            .Where(c => c.Status != JourneyStatus.Departed)
            .OrderBy(c => c.Region).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .AsAsyncEnumerable();
        var line = new StringBuilder();
        await foreach (var c in citizens.WithCancellation(context.RequestAborted))
        {
            line.Clear()
                .Append(c.Id).Append(',')
                .Append(CsvCell.Text(c.ExternalId)).Append(',')
                .Append(CsvCell.Text(c.Name)).Append(',')
                .Append(CsvCell.Phone(c.Phone)).Append(',')
                .Append(c.TelegramChatId?.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(c.Language).Append(',')
                .Append(CsvCell.Text(c.Region)).Append(',')
                .Append(CsvCell.Number(c.HouseholdSize)).Append(',')
                .Append(c.Status).Append(',')
                .Append(c.OptedOut ? "true" : "false").Append(',')
                .Append(CsvCell.Text(c.AssignedCrossing)).Append(',')
                .Append(CsvCell.Time(c.LastContactAt)).Append(',')
                .Append(CsvCell.Number(c.RemindersSent)).Append('\n');
            await writer.WriteAsync(line, context.RequestAborted);
        }
    }
}
