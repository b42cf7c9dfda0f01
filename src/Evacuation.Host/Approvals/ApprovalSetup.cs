using Microsoft.Extensions.Options;

namespace Evacuation.Host.Approvals;

public static class ApprovalSetup
{
    /// <summary>Two-person approval of large live broadcasts: the rule's settings, the decisions, and the expiry of unapproved requests.</summary>
    public static WebApplicationBuilder AddApprovals(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApprovalOptions>().BindConfiguration(ApprovalOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ApprovalOptions>, ApprovalOptions.Validator>();
        builder.Services.AddSingleton<ApprovalPolicy>();
        builder.Services.AddScoped<Approvals>();
        builder.Services.AddSingleton<ApprovalExpiry>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ApprovalExpiry>());
        return builder;
    }
}
