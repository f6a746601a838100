using TheBot.Api.Platform.Seeding;

namespace TheBot.Api.Features.Enrollments;

public static class EnrollmentsRegistration
{
    /// <summary>What follows an enrollment change (features add their <see cref="IEnrollmentChangeFollower"/>), the demo subjects and enrollments.</summary>
    public static IServiceCollection AddEnrollments(this IServiceCollection services)
    {
        services.AddScoped<EnrollmentChanges>();
        services.AddScoped<IDemoDataSeeder, EnrollmentDemoSeeder>();
        return services;
    }
}
