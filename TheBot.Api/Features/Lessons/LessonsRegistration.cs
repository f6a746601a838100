using TheBot.Api.Platform.Jobs;
using TheBot.Api.Platform.Seeding;
using TheBot.Api.Platform.Warmup;

namespace TheBot.Api.Features.Lessons;

public static class LessonsRegistration
{
    /// <summary>Lesson events, the reminders job (lessons tell the notifier; notifications know nothing of lessons) and the demo lessons.</summary>
    public static IServiceCollection AddLessons(this IServiceCollection services)
    {
        services.AddScoped<LessonEvents>();
        services.AddScoped<LessonNotices>();
        services.AddScheduledJob<LessonRemindersJob>();
        services.AddScoped<IDemoDataSeeder, LearningDemoSeeder>();
        services.AddWarmupStep<LessonsWarmup>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, LessonsJsonContext.Default));
        return services;
    }
}
