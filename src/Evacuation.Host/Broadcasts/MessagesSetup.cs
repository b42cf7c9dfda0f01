using Evacuation.Core.Broadcasts;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Broadcasts;

public static class MessagesSetup
{
    /// <summary><c>Messages:*</c>, checked at start, as the <see cref="Signature"/> every message is written with (and <c>Web:PublicBaseUrl</c> for check-in links).</summary>
    public static WebApplicationBuilder AddMessages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MessagesOptions>().BindConfiguration(MessagesOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MessagesOptions>, MessagesOptions.Validator>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<MessagesOptions>>().Value.ToSignature() with
        {
            CheckInBaseUrl = sp.GetRequiredService<IOptions<CheckIn.WebOptions>>().Value.PublicBaseUrl.Trim(),
        });
        return builder;
    }
}
