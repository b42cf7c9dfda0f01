namespace Evacuation.Host.Operators;

/// <summary><c>GET /api/me</c>: the name and role of the key that signed in (the dashboard shows it and greys out what the role may not do).</summary>
public static class OperatorEndpoints
{
    public sealed record SignedIn(string Name, string Role);

    public static IEndpointRouteBuilder MapOperators(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (HttpContext context) =>
                TypedResults.Ok(new SignedIn(Roles.NameOf(context.User), Roles.Of(context.User).ToString())))
            .WithTags("Operators").RequireAuthorization(Roles.Viewer);
        return app;
    }
}
