using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TheBot.Api.Platform.Storage;

namespace TheBot.Api.Platform.OpenApi;

/// <summary>Documents the multipart body of endpoints marked with <see cref="StorageRegistration.AcceptsFileUpload"/>.</summary>
internal sealed class FileUploadOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);

        var upload = context.Description.ActionDescriptor.EndpointMetadata.OfType<FileUploadMetadata>().LastOrDefault();
        if (upload is null)
        {
            return Task.CompletedTask;
        }

        var file = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The file (at most 50 MB; its type is recognised from its content)." };
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["file"] = upload.MaxFiles == 1
                ? file
                : new OpenApiSchema { Type = JsonSchemaType.Array, Items = file, MaxItems = upload.MaxFiles, Description = $"Up to {upload.MaxFiles} files, 50 MB in all, each sent as a 'file' part." },
        };
        foreach (var field in upload.TextFields)
        {
            properties[field] = new OpenApiSchema { Type = JsonSchemaType.String };
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = properties,
                        Required = upload.MaxFiles == 1 ? new HashSet<string> { "file" } : new HashSet<string>(),
                    },
                },
            },
        };
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("413", new OpenApiResponse { Description = "The file is larger than allowed" });
        operation.Responses.TryAdd("415", new OpenApiResponse { Description = "Not multipart/form-data, or a file type that is not accepted" });
        return Task.CompletedTask;
    }
}
