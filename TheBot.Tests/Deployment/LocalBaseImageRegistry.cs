using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TheBot.Tests.Deployment;

/// <summary>
/// A read-only OCI registry on loopback serving one tiny base image, so that the .NET SDK can build TheBot's
/// images without reaching mcr.microsoft.com. The SDK treats <c>localhost:PORT</c> as an insecure registry (HTTP).
/// The base stands in for the chiseled ASP.NET image only as far as the SDK reads it (platform, user, working
/// directory, environment); the layer the SDK adds on top is the real thing.
/// </summary>
internal sealed class LocalBaseImageRegistry : IAsyncDisposable
{
    public const string Repository = "dotnet/aspnet";
    public const string Tag = "10.0-test";
    private const string ManifestMediaType = "application/vnd.oci.image.manifest.v1+json";

    private readonly WebApplication _app;
    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private readonly byte[] _manifest;

    private LocalBaseImageRegistry(WebApplication app, byte[] manifest, Dictionary<string, byte[]> blobs)
    {
        _app = app;
        _manifest = manifest;
        _blobs = blobs;
    }

    public string Host { get; private set; } = "";

    public string BaseImage => $"{Host}/{Repository}:{Tag}";

    public static async Task<LocalBaseImageRegistry> StartAsync()
    {
        var (layer, diffId) = BaseLayer();
        var config = JsonSerializer.SerializeToUtf8Bytes(new
        {
            architecture = "amd64",
            os = "linux",
            config = new
            {
                User = "1654",
                Env = new[] { "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "APP_UID=1654", "ASPNETCORE_HTTP_PORTS=8080", "DOTNET_RUNNING_IN_CONTAINER=true" },
                WorkingDir = "/app",
            },
            rootfs = new { type = "layers", diff_ids = new[] { diffId } },
        });
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [Digest(config)] = config,
            [Digest(layer)] = layer,
        };
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = ManifestMediaType,
            config = new { mediaType = "application/vnd.oci.image.config.v1+json", digest = Digest(config), size = config.Length },
            layers = new[] { new { mediaType = "application/vnd.oci.image.layer.v1.tar+gzip", digest = Digest(layer), size = layer.Length } },
        });

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var registry = new LocalBaseImageRegistry(app, manifest, blobs);
        app.MapGet("/v2/", () => Results.Json(new { }));
        app.MapMethods("/v2/{**path}", ["GET", "HEAD"], registry.Serve);
        await app.StartAsync(TestContext.Current.CancellationToken);
        registry.Host = "localhost:" + new Uri(app.Urls.First()).Port;
        return registry;
    }

    private IResult Serve(HttpContext context, string path)
    {
        if (path == $"{Repository}/manifests/{Tag}" || path == $"{Repository}/manifests/{Digest(_manifest)}")
        {
            context.Response.Headers["Docker-Content-Digest"] = Digest(_manifest);
            return Results.Bytes(_manifest, ManifestMediaType);
        }

        var blob = path.StartsWith($"{Repository}/blobs/", StringComparison.Ordinal) ? path[$"{Repository}/blobs/".Length..] : null;
        if (blob is not null && _blobs.TryGetValue(blob, out var content))
        {
            context.Response.Headers["Docker-Content-Digest"] = blob;
            return Results.Bytes(content, "application/octet-stream");
        }

        return Results.NotFound();
    }

    /// <summary>A gzipped layer with the folders a base has, and its uncompressed digest (the config's diff_id).</summary>
    private static (byte[] Layer, string DiffId) BaseLayer()
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var folder in (string[])["etc/", "tmp/", "usr/"])
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, folder) { Mode = (UnixFileMode)0b111_101_101 });
            }
        }

        var uncompressed = tar.ToArray();
        using var gzip = new MemoryStream();
        using (var compressor = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
        {
            compressor.Write(uncompressed);
        }

        return (gzip.ToArray(), Digest(uncompressed));
    }

    private static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public override string ToString() => Encoding.UTF8.GetString(_manifest);
}
