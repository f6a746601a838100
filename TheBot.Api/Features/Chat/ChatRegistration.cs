namespace TheBot.Api.Features.Chat;

public static class ChatRegistration
{
    /// <summary>Rooms (who may talk to whom), the membership cache realtime asks, notifications of new messages.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddSingleton<ChatMembershipCache>();
        services.AddScoped<ChatRooms>();
        services.AddScoped<ChatMessageNotifications>();
        return services;
    }
}
