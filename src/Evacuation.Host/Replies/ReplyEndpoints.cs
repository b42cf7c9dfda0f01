using System.Security.Claims;
using Evacuation.Core.Channels;
using Evacuation.Core.Citizens;
using Evacuation.Core.Replies;
using Evacuation.Data;
using Evacuation.Host.Api;
using Evacuation.Host.Operators;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Replies;

/// <summary><c>GET /api/replies?unhandled=true</c>, and the route of <c>POST /api/sandbox/replies</c> (<see cref="SandboxReplies"/>; docs/api.md, "Replies" and "Sandbox mode").</summary>
public static class ReplyEndpoints
{
    /// <summary>
    /// A stored reply. <c>From</c> is the sender's phone or chat id, so an operator can answer a stranger; Viewers see
    /// the phone masked to its last three digits and no chat id. <c>EnteredBy</c> names the operator key that typed it
    /// in through the sandbox (null when the citizen sent it).
    /// </summary>
    public sealed record ReplyView(
        long Id, string Channel, string? CitizenId, string? From, string Text, string? Meaning, bool Unhandled, DateTime ReceivedAt, DateTime? InterpretedAt, string? EnteredBy);

    public static IEndpointRouteBuilder MapReplies(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/replies", ListAsync).WithTags("Replies").RequireAuthorization(Roles.Viewer);
        app.MapPost("/api/sandbox/replies", SandboxReplies.EnterAsync).WithTags("Replies").RequireAuthorization(Roles.Operator);
        return app;
    }

    static async Task<IResult> ListAsync(ClaimsPrincipal user, EvacuationDb db, bool? unhandled, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (paging, problem) = Paging.Read(page, pageSize, 100, 1000);
        if (problem is not null)
        {
            return problem;
        }
        var query = db.Replies.AsNoTracking().Where(r => r.Kind != InboundKind.Ignored);
        if (unhandled is { } wanted)
        {
            query = query.Where(r => r.Unhandled == wanted);
        }
        var rows = await query.OrderByDescending(r => r.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        var whole = Roles.SeesPersonalData(user);
        return TypedResults.Ok(rows.Select(r => View(r, whole)));
    }

    internal static ReplyView View(Reply r, bool whole) =>
        new(r.Id, r.Channel.ToString(), r.CitizenId?.ToString(), whole ? r.From : MaskedFrom(r), r.Text, r.Meaning, r.Unhandled, r.ReceivedAt, r.InterpretedAt, r.EnteredBy);

    static string? MaskedFrom(Reply r) => r.Channel == ChannelKind.Sms ? PhoneNumber.Mask(r.From) : null;
}
