namespace TheBot.Api.Features.StudyPlans;

public static class StudyPlansRegistration
{
    /// <summary>The notifications sent and edited plans store.</summary>
    public static IServiceCollection AddStudyPlans(this IServiceCollection services)
    {
        services.AddScoped<StudyPlanNotices>();
        return services;
    }
}
