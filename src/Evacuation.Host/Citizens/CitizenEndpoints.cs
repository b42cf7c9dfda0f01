using System.Security.Claims;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Host.Api;
using Evacuation.Host.Auditing;
using Evacuation.Host.Operators;
using Microsoft.EntityFrameworkCore;
using Evacuation.Core.Drills;

namespace Evacuation.Host.Citizens;

/// <summary><c>/api/citizens</c>: add or update one citizen, import a CSV, list, and show one with its timeline.</summary>
public static class CitizenEndpoints
{
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapCitizens(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/citizens").WithTags("Citizens");
        group.MapPost("/", UpsertAsync).RequireAuthorization(Roles.Operator);
        group.MapPost("/import", CitizenImport.HandleAsync).RequireAuthorization(Roles.Operator)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(CitizenImport.MaxBodyBytes));
        group.MapGet("/", ListAsync).RequireAuthorization(Roles.Viewer);
        group.MapGet("/{id}", DetailAsync).RequireAuthorization(Roles.Viewer);
        return app;
    }

    static async Task<IResult> UpsertAsync(HttpContext context, CitizenRules rules, CitizenRegistry registry, EvacuationDb db, TimeProvider time)
    {
        var (request, problem) = await JsonBody.ReadAsync<CitizenRequest>(context);
        if (problem is not null)
        {
            return problem;
        }
        var check = rules.Check(request!.ToInput());
        if (!check.IsValid)
        {
            return Problem.Invalid(check.Errors);
        }
        var actor = Roles.NameOf(context.User);
        await using var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted);
        var outcome = (await registry.UpsertAsync([check.Fields!], actor, context.RequestAborted))[0];
        if (outcome.Kind == UpsertKind.Refused)
        {
            return Problem.Conflict(outcome.Reason!);
        }
        var citizen = outcome.Citizen!;
        if (outcome.Kind != UpsertKind.Unchanged)
        {
            db.Record(time.GetUtcNow().UtcDateTime, actor, "citizens.upsert", citizen.Id.ToString(), outcome.Kind.ToString().ToLowerInvariant());
            await db.SaveChangesAsync(context.RequestAborted);
        }
        await transaction.CommitAsync(context.RequestAborted);
        // Warnings go in the body: a header cannot carry an unknown region written in Cyrillic or Hebrew.
        var view = CitizenView.From(citizen) with { Warnings = check.Warnings.Count > 0 ? [.. check.Warnings] : null };
        return outcome.Kind == UpsertKind.Created
            ? TypedResults.Created($"/api/citizens/{citizen.Id}", view)
            : TypedResults.Ok(view);
    }

    static async Task<IResult> ListAsync(
        ClaimsPrincipal user,
        EvacuationDb db,
        string? status,
        string? region,
        string? channel,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken,
        bool drill = false)
    {
        // A drill's demo citizens are listed only when asked for (?drill=true), and then only they.
        var query = (drill ? db.Citizens.InDrills() : db.Citizens.NotInDrills()).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<JourneyStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
            {
                return Problem.BadRequest($"status '{status}' is not one of {string.Join(", ", Enum.GetNames<JourneyStatus>())}");
            }
            query = query.Where(c => c.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(region))
        {
            // Regions are stored in the crossings file's spelling; compare lower-cased so any case matches.
            var r = region.Trim().ToLowerInvariant();
            query = query.Where(c => c.Region != null && c.Region.ToLower() == r);
        }
        if (!string.IsNullOrWhiteSpace(channel))
        {
            switch (channel.Trim().ToLowerInvariant())
            {
                case "telegram":
                    query = query.Where(c => c.TelegramChatId != null && !c.TelegramUnreachable);
                    break;
                case "sms":
                    query = query.Where(c => c.Phone != null && !c.SmsUnreachable);
                    break;
                case "none":
                    query = query.Where(c => (c.TelegramChatId == null || c.TelegramUnreachable) && (c.Phone == null || c.SmsUnreachable));
                    break;
                default:
                    return Problem.BadRequest($"channel '{channel}' is not one of telegram, sms, none");
            }
        }
        var (paging, pageProblem) = Paging.Read(page, pageSize, 50, MaxPageSize);
        if (pageProblem is not null)
        {
            return pageProblem;
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new CitizenPage(items.Select(c => CitizenView.From(c).For(user)).ToList(), paging.Page, paging.Size, total));
    }

    static async Task<IResult> DetailAsync(ClaimsPrincipal user, EvacuationDb db, string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problem.NotFound($"No citizen has the id '{Truncate(id)}'.");
        }
        var citizen = await db.Citizens.AsNoTracking().FirstOrDefaultAsync(c => c.Id == guid, cancellationToken);
        if (citizen is null)
        {
            return Problem.NotFound($"No citizen has the id '{id}'.");
        }
        var events = await db.CitizenEvents.AsNoTracking()
            .Where(e => e.CitizenId == guid)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Take(1000)
            .ToListAsync(cancellationToken);
        var timeline = events.Select(e => new TimelineEntry(e.At, e.Kind.ToString(), e.Actor, e.Detail)).ToList();
        timeline.Insert(0, new TimelineEntry(citizen.CreatedAt, nameof(CitizenEventKind.Created), citizen.CreatedBy, "registered"));
        return TypedResults.Ok(CitizenView.From(citizen).For(user) with { Timeline = timeline });
    }

    static string Truncate(string value) => Core.Texts.Shortened.WithEllipsis(value, 40);
}
