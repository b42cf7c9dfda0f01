using Evacuation.Core.Cases;
using Evacuation.Core.Operators;
using Evacuation.Host.Api;
using Evacuation.Host.Operators;

namespace Evacuation.Host.Cases;

/// <summary>
/// <c>/api/cases</c>: calls for help as cases a named operator takes ("I'm calling"), annotates and resolves. Reading
/// needs a Viewer key (phones masked); every change needs an Operator key and is audited under the key's name.
/// </summary>
public static class CaseEndpoints
{
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases");
        group.MapGet("/", ListAsync).RequireAuthorization(Roles.Viewer);
        group.MapGet("/{id}", ShowAsync).RequireAuthorization(Roles.Viewer);
        group.MapPost("/take", TakeAsync).RequireAuthorization(Roles.Operator);
        group.MapPost("/{id}/assign", AssignAsync).RequireAuthorization(Roles.Operator);
        group.MapPost("/{id}/note", NoteAsync).RequireAuthorization(Roles.Operator);
        group.MapPost("/{id}/resolve", ResolveAsync).RequireAuthorization(Roles.Operator);
        return app;
    }

    static readonly CaseState[] Active = [CaseState.Open, CaseState.Assigned];

    static async Task<IResult> ListAsync(
        HttpContext context, CaseDesk desk, string? state, string? assignedTo, int? page, int? pageSize, CancellationToken cancellationToken, bool drill = false)
    {
        var states = ReadStates(state);
        if (states is null)
        {
            return Problem.BadRequest($"state '{state}' is not one of active (Open and Assigned, the default), all, {string.Join(", ", Enum.GetNames<CaseState>())}.");
        }
        var (paging, problem) = Paging.Read(page, pageSize, 100, MaxPageSize);
        return problem ?? TypedResults.Ok(await desk.ListAsync(states, assignedTo, paging.Page, paging.Size, Masked(context), drill, cancellationToken));
    }

    static CaseState[]? ReadStates(string? state) => state?.Trim().ToLowerInvariant() switch
    {
        null or "" or "active" => Active,
        "all" => Enum.GetValues<CaseState>(),
        _ => Enum.TryParse<CaseState>(state, ignoreCase: true, out var one) && Enum.IsDefined(one) && !int.TryParse(state, out _) ? [one] : null,
    };

    static async Task<IResult> ShowAsync(string id, HttpContext context, CaseDesk desk, CancellationToken cancellationToken) =>
        long.TryParse(id, out var caseId) && await desk.ShowAsync(caseId, Masked(context), cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : Problem.NotFound($"No case has the id '{Core.Texts.Shortened.WithEllipsis(id, 40)}'. See GET /api/cases.");

    /// <summary>
    /// One click for a duty officer: the case that has waited longest with nobody on it becomes theirs. A drill's
    /// cases are listed and taken only when asked for (<c>?drill=true</c>), and then only they.
    /// </summary>
    static async Task<IResult> TakeAsync(HttpContext context, CaseDesk desk, CancellationToken cancellationToken, bool drill = false) =>
        await desk.TakeNextAsync(Roles.NameOf(context.User), drill, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : Problem.NotFound(drill ? "No drill case is waiting for someone to take it." : "No case is waiting for someone to take it.");

    static async Task<IResult> AssignAsync(string id, HttpContext context, CaseDesk desk)
    {
        var (request, problem) = await JsonBody.ReadOptionalAsync(context, new CaseRequest(null));
        if (problem is not null)
        {
            return problem;
        }
        var actor = Roles.NameOf(context.User);
        return await desk.ActAsync(id, actor, "case.assign", (c, now) => CaseRules.Assign(c, actor, request!.TakeOver, now), context.RequestAborted);
    }

    static Task<IResult> NoteAsync(string id, HttpContext context, CaseDesk desk) =>
        WithNoteAsync(id, context, desk, "case.note", CaseRules.Note);

    static Task<IResult> ResolveAsync(string id, HttpContext context, CaseDesk desk) =>
        WithNoteAsync(id, context, desk, "case.resolve", CaseRules.Resolve);

    static async Task<IResult> WithNoteAsync(string id, HttpContext context, CaseDesk desk, string action, Func<HelpCase, string, string?, DateTime, CaseDecision> rule)
    {
        var (request, problem) = await JsonBody.ReadAsync<CaseRequest>(context);
        if (problem is not null)
        {
            return problem;
        }
        var actor = Roles.NameOf(context.User);
        return await desk.ActAsync(id, actor, action, (c, now) => rule(c, actor, request!.Note, now), context.RequestAborted);
    }

    static bool Masked(HttpContext context) => Roles.Of(context.User) < OperatorRole.Operator;
}
