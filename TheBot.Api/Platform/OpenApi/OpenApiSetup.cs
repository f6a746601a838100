using Scalar.AspNetCore;

namespace TheBot.Api.Platform.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentRoute = "/api/openapi/{documentName}.json";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddOperationTransformer<AccessOperationTransformer>();
            options.AddOperationTransformer<FileUploadOperationTransformer>();
        });

    /// <summary>
    /// The OpenAPI document and the interactive reference (Scalar), reachable through the front door — in
    /// Development, or where <c>OpenApi:Enabled</c> is true (elsewhere their paths are unknown: 404).
    /// </summary>
    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        var settings = app.Configuration.GetSection(OpenApiOptions.SectionName).Get<OpenApiOptions>() ?? new OpenApiOptions();
        if (!settings.IsEnabledIn(app.Environment))
        {
            return app;
        }

        app.MapOpenApi(DocumentRoute).AllowAnonymous().DisableRateLimiting();
        app.MapScalarApiReference("/api/docs", options => options
                .WithTitle("TheBot API")
                .WithOpenApiRoutePattern(DocumentRoute))
            .AllowAnonymous()
            .DisableRateLimiting();
        return app;
    }
}
