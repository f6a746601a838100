using Microsoft.AspNetCore.StaticAssets;

namespace TheBot.Web.FrontDoor;

/// <summary>
/// The single-page app from wwwroot (built from ClientApp by this project's build). MapStaticAssets serves
/// the build-time manifest: ETags, and Brotli/gzip files precompressed at build. Vite's content-hashed files
/// under /assets are cached for a year as immutable; everything else (index.html above all) is revalidated.
/// Any other GET of a path without a file extension is a client route and gets index.html; a missing file
/// is a plain 404.
/// </summary>
internal static class SpaHosting
{
    public const string HashedAssetsFolder = "assets/";
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";
    public const string RevalidateCacheControl = "no-cache";

    public static void MapSpa(this WebApplication app)
    {
        app.MapStaticAssets().Add(CacheHashedAssetsForever);

        app.MapFallbackToFile("index.html", new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = RevalidateCacheControl,
        })
        .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
    }

    private static void CacheHashedAssetsForever(EndpointBuilder endpoint)
    {
        var asset = endpoint.Metadata.OfType<StaticAssetDescriptor>().FirstOrDefault();
        if (asset is null || !asset.AssetPath.StartsWith(HashedAssetsFolder, StringComparison.Ordinal) || endpoint.RequestDelegate is null)
        {
            return;
        }

        var serve = endpoint.RequestDelegate;
        endpoint.RequestDelegate = context =>
        {
            context.Response.OnStarting(static state =>
            {
                var response = ((HttpContext)state).Response;
                if (response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status206PartialContent or StatusCodes.Status304NotModified)
                {
                    response.Headers.CacheControl = ImmutableCacheControl;
                }
                return Task.CompletedTask;
            }, context);
            return serve(context);
        };
    }
}
