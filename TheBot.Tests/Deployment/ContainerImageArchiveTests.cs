using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace TheBot.Tests.Deployment;

/// <summary>
/// Issue #15, item 3, checked in a built image: the .NET SDK builds api's image (on a stand-in base image from a
/// loopback registry, see <see cref="LocalBaseImageRegistry"/>) into an archive, and its app layer holds the file
/// store's mount point owned by the app user, which Docker copies to an empty named volume.
/// </summary>
public sealed class ContainerImageArchiveTests
{
    private const int AppUser = 1654;

    [Fact]
    public async Task The_api_image_has_the_file_store_mount_point_owned_and_writable_by_the_app_user()
    {
        await using var registry = await LocalBaseImageRegistry.StartAsync();
        var output = Directory.CreateTempSubdirectory("thebot-image-").FullName;
        var archive = Path.Combine(output, "thebot-api.tar");

        // The api this test run already built (same configuration), published into a folder of its own.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var build = await Tool.RunAsync("dotnet",
        [
            "publish", Path.Combine(Tool.Root, "TheBot.Api"), "-c", configuration, "--no-build", "/t:PublishContainer", "--nologo",
            $"-p:ContainerBaseImage={registry.BaseImage}", $"-p:ContainerArchiveOutputPath={archive}",
            $"-p:PublishDir={Path.Combine(output, "publish")}/",
        ], timeLimit: TimeSpan.FromMinutes(10));
        Assert.True(build.ExitCode == 0, build.Describe());

        var compose = (await Tool.ReadYamlAsync(Path.Combine(Tool.Root, "deploy", "compose", "docker-compose.yaml"))).Single();
        var mountPoint = compose.GetProperty("services").GetProperty("api").GetProperty("volumes").EnumerateArray()
            .Single(v => v.GetProperty("source").GetString() == "thebot-files").GetProperty("target").GetString()!.Trim('/');

        var entries = await AppLayerEntriesAsync(archive);
        Assert.True(entries.TryGetValue(mountPoint, out var folder), $"the image has no /{mountPoint}: Docker would create the volume's mount point owned by root");
        Assert.Equal(TarEntryType.Directory, folder.Type);
        Assert.Equal(AppUser, folder.Uid);
        Assert.True(folder.Mode.HasFlag(UnixFileMode.UserWrite) && folder.Mode.HasFlag(UnixFileMode.UserExecute), $"/{mountPoint} is {folder.Mode}");
    }

    /// <summary>The entries (path without leading or trailing '/') of the image's last layer: the one the SDK adds.</summary>
    private static async Task<Dictionary<string, (TarEntryType Type, int Uid, UnixFileMode Mode)>> AppLayerEntriesAsync(string archive)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using (var outer = Uncompressed(await File.ReadAllBytesAsync(archive, TestContext.Current.CancellationToken)))
        await using (var reader = new TarReader(outer))
        {
            while (await reader.GetNextEntryAsync(copyData: true, TestContext.Current.CancellationToken) is { } entry)
            {
                if (entry.DataStream is { } data)
                {
                    using var copy = new MemoryStream();
                    await data.CopyToAsync(copy, TestContext.Current.CancellationToken);
                    files[entry.Name.TrimStart('.', '/')] = copy.ToArray();
                }
            }
        }

        // docker-archive layout: manifest.json names the layers in order; OCI layout: index.json → manifest → layers.
        string lastLayer;
        if (files.TryGetValue("manifest.json", out var dockerManifest))
        {
            lastLayer = JsonDocument.Parse(dockerManifest).RootElement[0].GetProperty("Layers").EnumerateArray().Last().GetString()!;
        }
        else
        {
            var index = JsonDocument.Parse(files["index.json"]).RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString()!;
            var manifest = JsonDocument.Parse(files[$"blobs/{index.Replace(':', '/')}"]).RootElement;
            lastLayer = $"blobs/{manifest.GetProperty("layers").EnumerateArray().Last().GetProperty("digest").GetString()!.Replace(':', '/')}";
        }

        var layerStream = Uncompressed(files[lastLayer]);

        var entries = new Dictionary<string, (TarEntryType, int, UnixFileMode)>(StringComparer.Ordinal);
        await using (layerStream)
        await using (var reader = new TarReader(layerStream))
        {
            while (await reader.GetNextEntryAsync(copyData: false, TestContext.Current.CancellationToken) is { } entry)
            {
                entries[entry.Name.Trim('/')] = (entry.EntryType, entry.Uid, entry.Mode);
            }
        }

        return entries;
    }

    /// <summary>The SDK writes the archive as a plain tar (OCI layout) whatever its name says; layers are gzipped.</summary>
    private static Stream Uncompressed(byte[] content) => content is [0x1f, 0x8b, ..]
        ? new GZipStream(new MemoryStream(content), CompressionMode.Decompress)
        : new MemoryStream(content);
}
