using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TheBot.Api.Platform.Jobs;

public enum JobOutcome
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// One occurrence of a scheduled job. The unique (job, occurrence) key is what makes an occurrence run
/// once across api replicas: only the replica whose insert wins runs it. A lease lets another replica
/// take over an occurrence whose runner died.
/// </summary>
public sealed class JobRun
{
    public Guid Id { get; set; }

    public required string JobName { get; set; }

    /// <summary>Which occurrence: the schedule slot (<c>2026-11-25T10:05Z</c>) or <c>manual:…</c>.</summary>
    public required string OccurrenceKey { get; set; }

    public JobOutcome Outcome { get; set; } = JobOutcome.Running;

    public int Attempt { get; set; } = 1;

    public bool Manual { get; set; }

    public Guid? RequestedById { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public double? DurationMs { get; set; }

    /// <summary>What the job reports it did, in English for logs ("12 invoice(s) marked overdue").</summary>
    public string? Summary { get; set; }

    /// <summary>What the job did as a code the SPA translates (<c>invoicesMarkedOverdue</c>); see <see cref="JobResult"/>.</summary>
    public string? ResultCode { get; set; }

    /// <summary>The numbers the result code names (<c>{"marked": 12, "reminded": 3}</c>), stored as jsonb.</summary>
    public Dictionary<string, long>? Counts { get; set; }

    public string? Error { get; set; }

    /// <summary>The runner holds the occurrence until then; past it, another replica may take over.</summary>
    public DateTimeOffset LeaseUntil { get; set; }

    /// <summary>When a failed occurrence is tried again (backoff), if it will be.</summary>
    public DateTimeOffset? RetryAt { get; set; }

    public string? Runner { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("job_runs");
        builder.Property(r => r.JobName).HasMaxLength(64);
        builder.Property(r => r.OccurrenceKey).HasMaxLength(96);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Summary).HasMaxLength(1000);
        builder.Property(r => r.ResultCode).HasMaxLength(64);
        builder.Property(r => r.Counts)
            .HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => JsonSerializer.Deserialize<Dictionary<string, long>>(v, JsonSerializerOptions.Default),
                new ValueComparer<Dictionary<string, long>?>(
                    (a, b) => a == null ? b == null : b != null && a.Count == b.Count && !a.Except(b).Any(),
                    d => d == null ? 0 : d.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                    d => d == null ? null : new Dictionary<string, long>(d)));
        builder.Property(r => r.Error).HasMaxLength(4000);
        builder.Property(r => r.Runner).HasMaxLength(128);
        builder.HasIndex(r => new { r.JobName, r.OccurrenceKey }).IsUnique();
        builder.HasIndex(r => new { r.JobName, r.StartedAt });
        builder.HasIndex(r => new { r.Outcome, r.RetryAt });
    }
}
