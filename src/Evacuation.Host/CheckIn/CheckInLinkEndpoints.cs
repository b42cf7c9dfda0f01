using Evacuation.Core.Broadcasts;
using Evacuation.Core.CheckIn;
using Evacuation.Core.Citizens;
using Evacuation.Data;
using Evacuation.Host.Api;
using Evacuation.Host.Auditing;
using Evacuation.Host.Operators;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.CheckIn;

/// <summary>
/// <c>POST /api/citizens/{id}/check-in-link</c> issues a new link (the old one stops working at once) and
/// <c>DELETE</c> revokes it: for a lost or shared phone. Operator role; both on the citizen's timeline and in the
/// audit log, which never carry the token itself.
/// </summary>
public static class CheckInLinkEndpoints
{
    public sealed record CheckInLinkView(string CitizenId, string Token, string? Link);

    public static IEndpointRouteBuilder MapCheckInLinks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/citizens/{id}/check-in-link", RotateAsync).WithTags("Citizens").RequireAuthorization(Roles.Operator);
        app.MapDelete("/api/citizens/{id}/check-in-link", RevokeAsync).WithTags("Citizens").RequireAuthorization(Roles.Operator);
        return app;
    }

    static async Task<IResult> RotateAsync(string id, HttpContext context, EvacuationDb db, Signature signature, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, cancellationToken) is not { } citizen)
        {
            return Problem.NotFound($"No citizen has id {id}.");
        }
        var replaced = citizen.CheckInToken is not null;
        citizen.CheckInToken = CheckInToken.New();
        Record(db, context, citizen, time, replaced ? "check-in link replaced; the old link no longer works" : "check-in link issued");
        await db.SaveChangesAsync(cancellationToken);
        var link = CheckInLinks.For(signature.CheckInBaseUrl, citizen.CheckInToken);
        return TypedResults.Ok(new CheckInLinkView(citizen.Id.ToString(), citizen.CheckInToken, link.Length == 0 ? null : link));
    }

    static async Task<IResult> RevokeAsync(string id, HttpContext context, EvacuationDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, cancellationToken) is not { } citizen)
        {
            return Problem.NotFound($"No citizen has id {id}.");
        }
        if (citizen.CheckInToken is not null)
        {
            citizen.CheckInToken = null;
            Record(db, context, citizen, time, "check-in link revoked");
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.NoContent();
    }

    static async Task<Citizen?> FindAsync(EvacuationDb db, string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var citizenId) ? await db.Citizens.SingleOrDefaultAsync(c => c.Id == citizenId, cancellationToken) : null;

    static void Record(EvacuationDb db, HttpContext context, Citizen citizen, TimeProvider time, string what)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var actor = Roles.NameOf(context.User);
        citizen.UpdatedAt = now;
        db.CitizenEvents.Add(new CitizenEvent { CitizenId = citizen.Id, At = now, Kind = CitizenEventKind.Updated, Actor = actor, Detail = what });
        db.Record(now, actor, "citizen.check-in-link", citizen.Id.ToString(), what);
    }
}
