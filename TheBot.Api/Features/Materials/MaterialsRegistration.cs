namespace TheBot.Api.Features.Materials;

public static class MaterialsRegistration
{
    /// <summary>What questions under materials tell the teacher and the asker.</summary>
    public static IServiceCollection AddMaterials(this IServiceCollection services)
    {
        services.AddScoped<MaterialQuestionNotices>();
        return services;
    }
}
