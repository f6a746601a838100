using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace TheBot.Api.Platform.Storage;

/// <summary>
/// Files under <see cref="StorageOptions.Root"/>, two directory levels deep by key. A file is written
/// to a temporary name and renamed into place, so readers never see half a file and a failed upload
/// leaves nothing behind.
/// </summary>
public sealed partial class FileSystemContentStore(IOptions<StorageOptions> options, ILogger<FileSystemContentStore> logger) : IContentStore
{
    private const int BufferSize = 81_920;
    private readonly string _root = Path.GetFullPath(options.Value.Root);

    public async Task<StoredContent> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);

        var key = Guid.CreateVersion7().ToString("N");
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".partial";

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long length = 0;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        throw new ContentTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
            }

            File.Move(temporary, path);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        LogStored(key, length);
        return new StoredContent(key, length, sha256);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsValidKey(key))
        {
            return Task.FromResult<Stream?>(null);
        }

        try
        {
            Stream stream = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (IsValidKey(key))
        {
            TryDelete(PathOf(key));
        }

        return Task.CompletedTask;
    }

    /// <summary>Keys are 32 lower-case hex digits: nothing a caller passes can leave the root.</summary>
    private static bool IsValidKey(string key) =>
        key is { Length: 32 } && key.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    // Version 7 GUIDs start with the timestamp; the random tail spreads files across directories.
    private string PathOf(string key) => Path.Combine(_root, key[^2..], key[^4..^2], key);

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException ex)
        {
            LogDeleteFailed(ex, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored content {Key} ({Length} bytes)")]
    private partial void LogStored(string key, long length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete {Path}")]
    private partial void LogDeleteFailed(Exception exception, string path);
}
