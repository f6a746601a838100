using TheBot.Api.Platform.Seeding;

namespace TheBot.Api.Features.Enrollments;

public static class EnrollmentsRegistration
{
    /// <summary>The demo subjects and enrollments.</summary>
    public static IServiceCollection AddEnrollments(this IServiceCollection services)
    {
        services.AddScoped<IDemoDataSeeder, EnrollmentDemoSeeder>();
        return services;
    }
}
