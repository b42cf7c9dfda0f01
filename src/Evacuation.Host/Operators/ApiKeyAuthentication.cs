using System.Security.Claims;
using System.Text.Encodings.Web;
using Evacuation.Core.Operators;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Operators;

/// <summary>
/// Signs operators in by API key: <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>.
/// Answers 401 and 403 as problem details that say what to do.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OperatorKeyring keyring,
    KeyUses uses,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string RoleClaim = "evac-role";
    public const string KeyIdClaim = "evac-key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }
        var key = await keyring.FindAsync(presented, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("unknown API key");
        }
        await uses.StampAsync(key.Id, Context.RequestAborted);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(RoleClaim, key.Role.ToString()), new Claim(KeyIdClaim, key.Id.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = PresentedKey(Request) is null
            ? "Send your operator API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'."
            : "This API key is not known or was revoked. Check it was copied whole, or ask an administrator for a new one.";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 401, Title = "Sign-in required", Detail = detail },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirst(RoleClaim)?.Value ?? "unknown";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = 403,
                Title = "Not allowed for this key",
                Detail = $"This key has the {role} role, which may not do this. Use a key with a higher role (Viewer < Operator < Admin).",
            },
        });
    }

    static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var value = header["Bearer ".Length..].Trim();
            return value.Length == 0 ? null : value;
        }
        var apiKey = request.Headers["X-Api-Key"].ToString().Trim();
        return apiKey.Length == 0 ? null : apiKey;
    }
}

/// <summary>The role policies: each role includes the ones below it.</summary>
public static class Roles
{
    public const string Viewer = nameof(OperatorRole.Viewer);
    public const string Operator = nameof(OperatorRole.Operator);
    public const string Admin = nameof(OperatorRole.Admin);

    public static OperatorRole Of(ClaimsPrincipal user) =>
        Enum.TryParse<OperatorRole>(user.FindFirst(ApiKeyAuthentication.RoleClaim)?.Value, out var role) ? role : OperatorRole.Viewer;

    /// <summary>Whole phone numbers and chat ids are for Operators and Admins; Viewers see them masked.</summary>
    public static bool SeesPersonalData(ClaimsPrincipal user) => Of(user) >= OperatorRole.Operator;

    /// <summary>The name of the key that signed in, for the audit log.</summary>
    public static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";
}
