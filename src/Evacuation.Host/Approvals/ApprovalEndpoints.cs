using Evacuation.Host.Api;
using Evacuation.Host.Operators;

namespace Evacuation.Host.Approvals;

/// <summary>
/// <c>POST /api/broadcasts/{id}/approve</c> and <c>/reject</c> (Operator; audited): a second operator, signed in with
/// a key of a different name, lets a waiting broadcast go or stops it. The request to approve is read with
/// <c>GET /api/broadcasts/{id}</c>, whose <c>approval</c> has the estimate and the texts.
/// </summary>
public static class ApprovalEndpoints
{
    public sealed record Decision(string? Reason);

    public static IEndpointRouteBuilder MapApprovals(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/broadcasts").WithTags("Broadcasts");
        group.MapPost("/{id}/approve", (string id, HttpContext context, Approvals approvals) => DecideAsync(id, context, approvals, approving: true))
            .RequireAuthorization(Roles.Operator);
        group.MapPost("/{id}/reject", (string id, HttpContext context, Approvals approvals) => DecideAsync(id, context, approvals, approving: false))
            .RequireAuthorization(Roles.Operator);
        return app;
    }

    static async Task<IResult> DecideAsync(string id, HttpContext context, Approvals approvals, bool approving)
    {
        var (decision, problem) = await JsonBody.ReadOptionalAsync(context, new Decision(null));
        return problem ?? await approvals.DecideAsync(id, Roles.NameOf(context.User), approving, decision!.Reason, context.RequestAborted);
    }
}
