using TheBot.Api.Features.Chat;

namespace TheBot.Api.Features.Notifications;

public static class NotificationsRegistration
{
    /// <summary>Chat (rooms, membership cache for realtime) and notifications (the notifier, broadcasts).</summary>
    public static IServiceCollection AddChatAndNotifications(this IServiceCollection services)
    {
        services.AddSingleton<ChatMembershipCache>();
        services.AddScoped<ChatRooms>();
        services.AddScoped<ChatMessageNotifications>();
        services.AddScoped<Notifier>();
        services.AddSingleton<BroadcastInbox>();
        services.AddHostedService<BroadcastFanOut>();
        return services;
    }
}
