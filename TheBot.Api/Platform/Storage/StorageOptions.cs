using System.ComponentModel.DataAnnotations;

namespace TheBot.Api.Platform.Storage;

/// <summary>
/// <c>Storage</c>: where uploaded files live. <see cref="Root"/> is a directory every api replica shares
/// (the AppHost sets it: <c>.data/files</c> when run, a named volume or PVC when deployed).
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    [Required(ErrorMessage = "Storage:Root must name the directory uploaded files are kept in.")]
    public string Root { get; set; } = string.Empty;

    /// <summary>The largest file accepted by any upload route.</summary>
    [Range(1, 1L << 32)]
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;
}
