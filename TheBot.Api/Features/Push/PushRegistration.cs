using TheBot.Api.Features.Notifications.Delivery;

namespace TheBot.Api.Features.Push;

public static class PushRegistration
{
    /// <summary>Web Push as an outbox channel (on when <c>Push:VapidPublicKey</c> and the rest are set; options checked at startup).</summary>
    public static IServiceCollection AddPush(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PushOptions>().Bind(configuration.GetSection(PushOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PushChannel>();
        services.AddSingleton<INotificationChannel>(sp => sp.GetRequiredService<PushChannel>());
        return services;
    }
}
