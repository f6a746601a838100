using System.ComponentModel.DataAnnotations;

namespace TheBot.Api.Platform.Storage;

/// <summary>
/// The <c>Storage</c> section's limits on what one person may store: <c>Storage:QuotaPerUserBytes</c>
/// (files kept, counted until the removal job frees them) and <c>Storage:UploadsPerUserPerHour</c>.
/// </summary>
public sealed class StorageQuotaOptions
{
    [Range(1024 * 1024, 1L << 40, ErrorMessage = "Storage:QuotaPerUserBytes must be between 1 MiB and 1 TiB.")]
    public long QuotaPerUserBytes { get; set; } = 1L << 30;

    [Range(1, 100_000, ErrorMessage = "Storage:UploadsPerUserPerHour must be between 1 and 100000.")]
    public int UploadsPerUserPerHour { get; set; } = 60;
}
