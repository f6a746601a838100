namespace TheBot.Api.Features.Knowledge;

public static class KnowledgeRegistration
{
    /// <summary>The student's way through the graph (reckoning, notices, live events).</summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddScoped<KnowledgeLearning>();
        return services;
    }

    /// <summary>Everything under <c>/api/knowledge</c> (docs/knowledge-graph.md).</summary>
    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder api)
    {
        var knowledge = api.MapGroup("/knowledge").WithTags("Knowledge");
        knowledge.MapKnowledgeBankApi();
        knowledge.MapKnowledgeGraphsApi();
        knowledge.MapKnowledgeLearningApi();
        return api;
    }
}
