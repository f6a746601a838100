namespace TheBot.Api.Platform.Storage;

/// <summary>
/// Keeps file contents by an opaque key. Metadata (name, type, owner) belongs to the feature that
/// stored the file; the store only holds bytes.
/// </summary>
public interface IContentStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into the store, never holding it whole in memory.
    /// Throws <see cref="ContentTooLargeException"/> (and keeps nothing) past <paramref name="maxBytes"/>.
    /// </summary>
    Task<StoredContent> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The content for reading, or null when the key is unknown.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the content; an unknown key is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>A stored file: its key, its length and its SHA-256 (lower-case hex).</summary>
public sealed record StoredContent(string Key, long Length, string Sha256);

public sealed class ContentTooLargeException(long maxBytes)
    : Exception($"The content is larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
