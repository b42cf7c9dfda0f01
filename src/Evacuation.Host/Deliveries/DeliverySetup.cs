using Microsoft.Extensions.Options;

namespace Evacuation.Host.Deliveries;

public static class DeliverySetup
{
    /// <summary>The outbox and its workers: fan-out, dispatchers per channel with their pacers, and the sweeper.</summary>
    public static WebApplicationBuilder AddDeliveries(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeliveriesOptions>().BindConfiguration(DeliveriesOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DeliveriesOptions>, DeliveriesOptions.Validator>();
        builder.Services.AddSingleton<DeliveryPulse>();
        builder.Services.AddSingleton<ChannelStops>();
        builder.Services.AddSingleton<ChannelPacing>();
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddSingleton<OutboxLooks>();
        builder.Services.AddSingleton<Withdrawals>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Withdrawals>());
        builder.Services.AddSingleton<FanOutFailures>();
        builder.Services.AddSingleton<BroadcastLines>();
        builder.Services.AddHostedService<FanOut>();
        builder.Services.AddHostedService<Dispatchers>();
        builder.Services.AddHostedService<OutboxSweeper>();
        return builder;
    }
}
