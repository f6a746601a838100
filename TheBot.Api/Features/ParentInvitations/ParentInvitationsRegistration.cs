using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.ParentInvitations;

public static class ParentInvitationsRegistration
{
    /// <summary>Issuing invitations, and the job that expires the unused ones.</summary>
    public static IServiceCollection AddParentInvitations(this IServiceCollection services)
    {
        services.AddScoped<ParentInvitationIssuer>();
        services.AddScheduledJob<ExpireParentInvitationsJob>();
        return services;
    }
}
