using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Notifications;

public static class NotificationsRegistration
{
    /// <summary>The notifier, coalesced notifications, broadcasts (queued and fanned out in the background), the reminder ledger, archiving.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<CoalescedNotifications>();
        services.AddSingleton<BroadcastInbox>();
        services.AddHostedService<BroadcastFanOut>();
        services.AddScoped<ReminderLedger>();
        services.AddScheduledJob<ArchiveNotificationsJob>();
        return services;
    }
}
