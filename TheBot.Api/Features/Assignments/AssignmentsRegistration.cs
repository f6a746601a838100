namespace TheBot.Api.Features.Assignments;

public static class AssignmentsRegistration
{
    /// <summary>The notifications homework and grades store.</summary>
    public static IServiceCollection AddAssignments(this IServiceCollection services)
    {
        services.AddScoped<AssignmentNotices>();
        return services;
    }
}
