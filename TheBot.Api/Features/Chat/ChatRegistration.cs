using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Warmup;

namespace TheBot.Api.Features.Chat;

public static class ChatRegistration
{
    /// <summary>Rooms (who may talk to whom, following accounts and enrollments), the membership cache realtime asks, notifications of new messages, the per-room limit on posts.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChatPostLimiter(configuration);
        services.AddSingleton<ChatMembershipCache>();
        services.AddSingleton<ChatRoomWriter>();
        services.AddScoped<ChatRooms>();
        services.AddScoped<ChatMessageNotifications>();
        services.AddScoped<ChatFollowsPeople>();
        services.AddWarmupStep<ChatWarmup>();
        services.AddScoped<IAccountChangeFollower>(sp => sp.GetRequiredService<ChatFollowsPeople>());
        services.AddScoped<IEnrollmentChangeFollower>(sp => sp.GetRequiredService<ChatFollowsPeople>());
        return services;
    }
}
