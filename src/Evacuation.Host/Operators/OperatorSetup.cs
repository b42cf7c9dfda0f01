using Evacuation.Core.Operators;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Evacuation.Host.Operators;

public static class OperatorSetup
{
    public static WebApplicationBuilder AddOperators(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperatorsOptions>().BindConfiguration(OperatorsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<OperatorsOptions>, OperatorsOptions.Validator>();
        builder.Services.AddSingleton<OperatorKeyring>();
        builder.Services.AddSingleton<KeyChanges>();
        builder.Services.AddSingleton<KeyUses>();
        builder.Services.AddScoped<OperatorKeys>();
        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            // Default deny: an endpoint that names no role still needs a valid key; only AllowAnonymous opens one.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Viewer, p => p.RequireAuthenticatedUser())
            .AddPolicy(Roles.Operator, p => p.RequireAssertion(c => Roles.Of(c.User) >= OperatorRole.Operator))
            .AddPolicy(Roles.Admin, p => p.RequireAssertion(c => Roles.Of(c.User) >= OperatorRole.Admin));
        return builder;
    }
}
