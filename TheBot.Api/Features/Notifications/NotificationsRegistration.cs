using TheBot.Api.Features.Chat;
using TheBot.Api.Features.Lessons;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Notifications;

public static class NotificationsRegistration
{
    /// <summary>Chat (rooms, membership cache for realtime) and notifications (the notifier, broadcasts, reminders, archiving).</summary>
    public static IServiceCollection AddChatAndNotifications(this IServiceCollection services)
    {
        services.AddSingleton<ChatMembershipCache>();
        services.AddScoped<ChatRooms>();
        services.AddScoped<ChatMessageNotifications>();
        services.AddScoped<Notifier>();
        services.AddSingleton<BroadcastInbox>();
        services.AddHostedService<BroadcastFanOut>();
        services.AddScoped<ReminderLedger>();
        services.AddScheduledJob<LessonRemindersJob>();
        services.AddScheduledJob<ArchiveNotificationsJob>();
        return services;
    }
}
