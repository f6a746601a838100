using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Progress;

public enum ProgressReportStatus
{
    Draft,
    Sent,
    Read,
}

/// <summary>A teacher's or tutor's report to a student's parents: draft → sent → read.</summary>
public sealed class ProgressReport
{
    public Guid Id { get; set; }

    public Guid AuthorId { get; set; }

    public User? Author { get; set; }

    public Guid StudentId { get; set; }

    public User? Student { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public ProgressReportStatus Status { get; set; } = ProgressReportStatus.Draft;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public uint Version { get; set; }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.ToTable("progress_reports", t =>
            t.HasCheckConstraint("ck_progress_reports_read_after_sent", "read_at IS NULL OR (sent_at IS NOT NULL AND read_at >= sent_at)"));
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Body).HasMaxLength(10000);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Student).WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AuthorId, r.CreatedAt });
        builder.HasIndex(r => new { r.StudentId, r.Status, r.CreatedAt });
    }
}
