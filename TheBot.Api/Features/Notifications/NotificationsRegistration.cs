using Microsoft.Extensions.Options;
using TheBot.Api.Features.Notifications.Broadcasts;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Notifications;

public static class NotificationsRegistration
{
    /// <summary>
    /// The notifier, coalesced notifications, broadcasts (fanned out in the background from the database, on any replica), the reminder ledger, archiving;
    /// the outbox's channels (e-mail when <c>Smtp:Host</c> is set; options checked at startup; Web Push adds itself, Features/Push) and its sender.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<CoalescedNotifications>();
        services.AddSingleton<BroadcastWakeUp>();
        services.AddSingleton<BroadcastFanOut>();
        services.AddHostedService(sp => sp.GetRequiredService<BroadcastFanOut>());
        services.AddScoped<ReminderLedger>();
        services.AddScheduledJob<ArchiveNotificationsJob>();

        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName)).ValidateDataAnnotations()
            .Validate<IOptions<DeliveryOptions>>(
                (smtp, deliveries) => !smtp.Enabled || deliveries.Value.HasAppBaseUrl,
                "Deliveries:AppBaseUrl (the site's public address, for links in e-mails) is required when Smtp:Host is set.")
            .ValidateOnStart();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<SmtpTransport>();
        services.AddSingleton<EmailChannel>();
        services.AddSingleton<INotificationChannel>(sp => sp.GetRequiredService<EmailChannel>());
        services.AddHostedService<DeliverySender>();
        return services;
    }
}
