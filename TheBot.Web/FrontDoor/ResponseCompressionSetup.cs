using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace TheBot.Web.FrontDoor;

/// <summary>
/// Brotli or gzip for what the front door does not have precompressed: proxied JSON and problem details.
/// Static assets are precompressed at build and served as such by MapStaticAssets. Enabled over HTTPS too:
/// the API authenticates with a bearer header and a SameSite=Strict cookie, so a cross-site page cannot make
/// it reflect secrets next to its own input (the BREACH precondition).
/// </summary>
internal static class ResponseCompressionSetup
{
    public static IServiceCollection AddFrontDoorCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Compresses everything but the realtime hub, whose streams must not be buffered.</summary>
    public static IApplicationBuilder UseFrontDoorCompression(this IApplicationBuilder app) =>
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments(FrontDoorPaths.Hubs, StringComparison.OrdinalIgnoreCase),
            branch => branch.UseResponseCompression());
}
