using Evacuation.Channels.Sandbox;
using Evacuation.Channels.Twilio;
using Evacuation.Core.Channels;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Twilio;

public static class TwilioSetup
{
    /// <summary>Without request logging: Twilio's requests carry the account's credentials.</summary>
    public const string HttpClientName = "twilio";

    /// <summary><c>Twilio:*</c>, validated at start, and the SMS channel: live, or a sandbox when the credentials are empty.</summary>
    public static WebApplicationBuilder AddTwilio(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>();
        builder.Services.AddHttpClient(HttpClientName).RemoveAllLoggers();
        builder.Services.AddKeyedSingleton<IChannel>(ChannelKind.Sms, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<TwilioOptions>>().Value;
            if (options.IsSandbox)
            {
                return new SandboxChannel(ChannelKind.Sms, sp.GetRequiredService<ILogger<SandboxChannel>>());
            }
            var handler = sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientName);
            return new TwilioChannel(TwilioRest.CreateClient(options, handler), options);
        });
        return builder;
    }
}
