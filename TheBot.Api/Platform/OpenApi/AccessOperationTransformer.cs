using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Platform.OpenApi;

/// <summary>
/// Publishes each endpoint's declared access (<c>x-access</c>), its bearer requirement and the error
/// responses every endpoint can give. An endpoint with no declared access gets no <c>x-access</c>,
/// which the authorization-matrix test rejects.
/// </summary>
internal sealed class AccessOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);

        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var access = metadata.OfType<EndpointAccess>().LastOrDefault();
        operation.Responses ??= new OpenApiResponses();

        if (access is not null)
        {
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-access"] = new JsonNodeExtension(access.Anonymous
                ? new JsonArray("anonymous")
                : new JsonArray([.. access.Roles.Select(r => (JsonNode)JsonValue.Create(r.ToName())!)]));

            if (!access.Anonymous)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(DocumentInfoTransformer.BearerScheme, context.Document)] = [],
                });
                AddProblem(operation, StatusCodes.Status401Unauthorized, "Not signed in, or the access token expired");
                if (access.Roles.Count < EndpointAccess.AllRoles.Count)
                {
                    AddProblem(operation, StatusCodes.Status403Forbidden, "Signed in, but the role may not do this");
                }
            }
        }

        if (operation.RequestBody is not null || operation.Parameters is { Count: > 0 })
        {
            AddProblem(operation, StatusCodes.Status400BadRequest, "The request is invalid; `errors` lists each field");
        }

        if (context.Description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            AddProblem(operation, StatusCodes.Status404NotFound, "No such resource, or not one the caller may see");
        }

        AddProblem(operation, StatusCodes.Status429TooManyRequests, "Too many requests; see Retry-After");
        return Task.CompletedTask;
    }

    private static void AddProblem(OpenApiOperation operation, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType(),
            },
        };
    }
}
