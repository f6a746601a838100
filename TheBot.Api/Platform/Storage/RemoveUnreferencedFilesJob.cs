using Microsoft.EntityFrameworkCore;
using Npgsql;
using TheBot.Api.Data;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Platform.Storage;

/// <summary>
/// Removes stored files nothing refers to any more — the attachment of a deleted chat message, a
/// material's replaced file, an upload whose request failed — from the content store and from their
/// owners' quota. A file is judged only once it is older than <see cref="GracePeriod"/> (an upload is
/// recorded before the message or submission that refers to it is saved), and the references are
/// checked again in the statement that forgets it, so a file still referred to is never removed.
/// </summary>
public sealed partial class RemoveUnreferencedFilesJob(TheBotDbContext db, IContentStore store, TimeProvider clock, ILogger<RemoveUnreferencedFilesJob> logger)
    : IScheduledJob
{
    public static readonly TimeSpan GracePeriod = TimeSpan.FromHours(1);

    private const int BatchSize = 500;

    public static string Name => "remove-unreferenced-files";

    public static string Description =>
        "Remove unreferenced stored files (attachments of deleted messages, replaced material files and pictures) and free their owners' quota";

    public static JobSchedule Schedule => new(TimeSpan.FromHours(1), TimeSpan.FromMinutes(40));

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - GracePeriod;
        var removed = 0;
        long freed = 0;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            while (true)
            {
                var batch = await ForgetBatchAsync(cutoff, cancellationToken);
                foreach (var (key, length) in batch)
                {
                    await store.DeleteAsync(key, cancellationToken);
                    freed += length;
                }

                removed += batch.Count;
                if (batch.Count < BatchSize)
                {
                    break;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (removed > 0)
        {
            LogRemoved(removed, freed);
        }

        return JobResult.Of("unreferencedFilesRemoved", $"{removed} unreferenced file(s) removed, {freed} byte(s) freed", ("removed", removed), ("bytes", freed));
    }

    /// <summary>
    /// Forgets up to a batch of old files nothing refers to and returns them (key, length). Every place
    /// that keeps a storage key is listed in this statement: a feature that starts keeping one must be added.
    /// </summary>
    private async Task<List<(string Key, long Length)>> ForgetBatchAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """
            DELETE FROM stored_files AS f
            WHERE f.key IN (
                SELECT s.key FROM stored_files AS s
                WHERE s.created_at < @cutoff
                  AND NOT EXISTS (SELECT 1 FROM chat_messages AS m WHERE m.attachment_key = s.key AND m.deleted_at IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM submission_files AS sf WHERE sf.storage_key = s.key)
                  AND NOT EXISTS (SELECT 1 FROM materials AS mt WHERE mt.file_key = s.key)
                  AND NOT EXISTS (SELECT 1 FROM study_plan_items AS sp WHERE sp.file_key = s.key)
                  AND NOT EXISTS (SELECT 1 FROM users AS u WHERE u.avatar_key = s.key)
                  AND NOT EXISTS (SELECT 1 FROM teacher_reports AS tr WHERE tr.file_key = s.key)
                ORDER BY s.created_at
                LIMIT @batch
                FOR UPDATE SKIP LOCKED)
            RETURNING f.key, f.length
            """;
        command.Parameters.Add(new NpgsqlParameter("cutoff", cutoff));
        command.Parameters.Add(new NpgsqlParameter("batch", BatchSize));
        var batch = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return batch;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} unreferenced file(s), {Bytes} byte(s)")]
    private partial void LogRemoved(int count, long bytes);
}
