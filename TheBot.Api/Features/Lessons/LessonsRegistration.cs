using TheBot.Api.Platform.Jobs;
using TheBot.Api.Platform.Seeding;

namespace TheBot.Api.Features.Lessons;

public static class LessonsRegistration
{
    /// <summary>The lesson reminders job and the demo lessons (with their homework).</summary>
    public static IServiceCollection AddLessons(this IServiceCollection services)
    {
        services.AddScheduledJob<LessonRemindersJob>();
        services.AddScoped<IDemoDataSeeder, LearningDemoSeeder>();
        return services;
    }
}
