using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Platform.Storage;

public static class StorageRegistration
{
    /// <summary>The content store on the filesystem under <c>Storage:Root</c>, checked at startup, and the job that removes files nothing refers to.</summary>
    public static IServiceCollection AddContentStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => Path.IsPathFullyQualified(o.Root), "Storage:Root must be an absolute path.")
            .ValidateOnStart();
        services.AddSingleton<IContentStore, FileSystemContentStore>();
        services.AddHealthChecks().AddCheck<StorageRootHealthCheck>(StorageRootHealthCheck.Name);
        services.AddScoped<MultipartUploadReader>();
        services.AddScheduledJob<RemoveUnreferencedFilesJob>();
        return services;
    }

    /// <summary>
    /// Marks an endpoint as a multipart file upload: documented as such in OpenAPI (without constraining
    /// routing by content type, so a wrong body still meets authentication first and then a clear 415),
    /// and allowed a body up to the largest file plus room for the form's other fields.
    /// </summary>
    public static RouteHandlerBuilder AcceptsFileUpload(this RouteHandlerBuilder builder, params string[] textFields) =>
        builder.AcceptsFileUpload(maxFiles: 1, textFields);

    /// <summary>As <see cref="AcceptsFileUpload(RouteHandlerBuilder, string[])"/>, with up to <paramref name="maxFiles"/> optional <c>file</c> parts.</summary>
    public static RouteHandlerBuilder AcceptsFileUpload(this RouteHandlerBuilder builder, int maxFiles, params string[] textFields)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFiles, 1);
        return builder
            .WithMetadata(new FileUploadMetadata(textFields, maxFiles))
            .WithMetadata(new RequestSizeLimitAttribute(StorageOptionsDefaults.MaxRequestBytes))
            .DisableAntiforgery();
    }

    /// <summary>A stored file as a download: streamed, never sniffed or rendered by the browser.</summary>
    public static IResult Download(Stream content, string contentType, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        return new DownloadResult(content, contentType, disposition.ToString());
    }

    private sealed class DownloadResult(Stream content, string contentType, string disposition) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentDisposition = disposition;
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            httpContext.Response.Headers.CacheControl = "private, no-cache";
            return TypedResults.Stream(content, contentType).ExecuteAsync(httpContext);
        }
    }
}

/// <summary>Endpoint metadata: a multipart upload with a <c>file</c> part (or up to <paramref name="MaxFiles"/> of them) and these text fields.</summary>
public sealed record FileUploadMetadata(IReadOnlyList<string> TextFields, int MaxFiles = 1);

internal static class StorageOptionsDefaults
{
    /// <summary>50 MB of file plus 1 MB for multipart framing and text fields.</summary>
    public const long MaxRequestBytes = (50L + 1) * 1024 * 1024;
}
