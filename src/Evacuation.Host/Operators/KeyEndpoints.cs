using Evacuation.Core.Operators;
using Evacuation.Host.Api;

namespace Evacuation.Host.Operators;

/// <summary>
/// <c>/api/keys</c> (Admin, audited): list keys (never a secret), create one (its secret is in this answer and nowhere
/// else, ever), revoke one (refused on every node within a second).
/// </summary>
public static class KeyEndpoints
{
    public sealed record KeyRequest(string? Name, string? Role);

    public sealed record KeyView(
        string Id, string Name, OperatorRole Role, KeySource Source, DateTime CreatedAt, string CreatedBy, DateTime? LastUsedAt, DateTime? RevokedAt)
    {
        public static KeyView From(StoredApiKey k) => new(k.Id.ToString(), k.Name, k.Role, k.Source, k.CreatedAt, k.CreatedBy, k.LastUsedAt, k.RevokedAt);
    }

    public sealed record CreatedKey(
        string Id, string Name, OperatorRole Role, KeySource Source, DateTime CreatedAt, string CreatedBy, string Key);

    public static IEndpointRouteBuilder MapKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/keys").WithTags("Operators").RequireAuthorization(Roles.Admin);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapDelete("/{id}", RevokeAsync);
        return app;
    }

    static async Task<IResult> ListAsync(HttpContext context, OperatorKeys keys) =>
        TypedResults.Ok((await keys.ListAsync(Roles.NameOf(context.User), context.RequestAborted)).Select(KeyView.From));

    static async Task<IResult> CreateAsync(HttpContext context, OperatorKeys keys)
    {
        var (request, problem) = await JsonBody.ReadAsync<KeyRequest>(context);
        if (problem is not null)
        {
            return problem;
        }
        var name = request!.Name?.Trim();
        if (KeyName.Problem(name) is { } nameProblem)
        {
            return Problem.BadRequest(nameProblem + ".");
        }
        if (!Enum.TryParse<OperatorRole>(request.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(request.Role, out _))
        {
            return Problem.BadRequest("role must be Viewer, Operator or Admin.");
        }
        var (created, conflict) = await keys.CreateAsync(name!, role, Roles.NameOf(context.User), context.RequestAborted);
        if (created is null)
        {
            return Problem.Conflict(conflict!);
        }
        var k = created.Key;
        return TypedResults.Created($"/api/keys/{k.Id}", new CreatedKey(k.Id.ToString(), k.Name, k.Role, k.Source, k.CreatedAt, k.CreatedBy, created.Secret));
    }

    static async Task<IResult> RevokeAsync(HttpContext context, OperatorKeys keys, string id)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problem.NotFound("No key has that id; 'GET /api/keys' lists them.");
        }
        var (key, refusal) = await keys.RevokeAsync(guid, Roles.NameOf(context.User), context.RequestAborted);
        if (key is null)
        {
            return Problem.NotFound("No key has that id; 'GET /api/keys' lists them.");
        }
        return refusal is null ? TypedResults.Ok(KeyView.From(key)) : Problem.Conflict(refusal);
    }
}
