using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TheBot.Api.Platform.OpenApi;

/// <summary>Title, description and the bearer scheme every protected operation refers to.</summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);

        document.Info = new OpenApiInfo
        {
            Title = "TheBot API",
            Version = "v1",
            Description = """
                The REST API of TheBot, the tutoring centre's platform. Sign in with `POST /api/auth/login`;
                send the access token as `Authorization: Bearer <token>` (it lives 15 minutes) and renew it with
                `POST /api/auth/refresh`, which uses the HttpOnly refresh cookie. Errors are RFC 9457 problem details.
                Every operation's `x-access` lists who may call it: `anonymous` or the roles.
                """,
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The access token from POST /api/auth/login or /api/auth/refresh.",
        };
        return Task.CompletedTask;
    }
}
