using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;

namespace TheBot.Api.Platform.Storage;

/// <summary>
/// What a person keeps in the content store, from the <see cref="StoredFile"/> ledger: the bytes used,
/// recording new files within the quota (under a per-person lock, so that two uploads at once cannot
/// pass it together) and forgetting files a feature refused after all.
/// </summary>
public sealed partial class StorageQuota(
    TheBotDbContext db, IContentStore store, UploadThrottle throttle, IOptionsMonitor<StorageQuotaOptions> options, TimeProvider clock,
    ILogger<StorageQuota> logger)
{
    /// <summary>Advisory lock class of "a person's storage" (the migrator's single-key lock lives elsewhere).</summary>
    private const int LockClass = 0x5346;

    public long QuotaBytes => options.CurrentValue.QuotaPerUserBytes;

    /// <summary>Counts an upload against the hourly allowance: the wait when it is used up, else null.</summary>
    public Task<TimeSpan?> TryStartUploadAsync(Guid ownerId) => throttle.TryUploadAsync(ownerId);

    public async Task<long> UsedBytesAsync(Guid ownerId, CancellationToken cancellationToken) =>
        await db.StoredFiles.Where(f => f.OwnerId == ownerId).SumAsync(f => (long?)f.Length, cancellationToken) ?? 0;

    /// <summary>
    /// Records the stored files as the owner's if they fit in the quota: null when recorded, else the bytes
    /// the owner already uses (the caller removes the files).
    /// </summary>
    public async Task<long?> RecordAsync(Guid ownerId, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var owner = ownerId.ToString("D");
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, hashtext({owner}))", cancellationToken);
        var used = await UsedBytesAsync(ownerId, cancellationToken);
        var adding = files.Sum(f => f.Length);
        if (used + adding > QuotaBytes)
        {
            LogOverQuota(ownerId, adding, used, QuotaBytes);
            return used;
        }

        var now = clock.GetUtcNow();
        var rows = files.Select(f => new StoredFile { Key = f.StorageKey, OwnerId = ownerId, Length = f.Length, CreatedAt = now }).ToList();
        db.StoredFiles.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }

        return null;
    }

    /// <summary>Removes files a feature did not keep after all (a refused or repeated request): the bytes and the ledger rows.</summary>
    public async Task ForgetAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var list = keys.ToList();
        if (list.Count == 0)
        {
            return;
        }

        await db.StoredFiles.Where(f => list.Contains(f.Key)).ExecuteDeleteAsync(cancellationToken);
        foreach (var key in list)
        {
            await store.DeleteAsync(key, cancellationToken);
        }
    }

    /// <summary>413: the upload does not fit in what the person may still store.</summary>
    public IResult Exceeded(long usedBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Storage quota exceeded",
        detail: string.Create(CultureInfo.InvariantCulture,
            $"This upload does not fit in your storage quota: you keep {Megabytes(usedBytes)} of {Megabytes(QuotaBytes)}. Delete files you no longer need; their space is freed within two hours."),
        extensions: new Dictionary<string, object?> { ["quotaBytes"] = QuotaBytes, ["usedBytes"] = usedBytes });

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB");

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Adding} bytes of user {OwnerId}: {Used} of {Quota} bytes already stored")]
    private partial void LogOverQuota(Guid ownerId, long adding, long used, long quota);
}
