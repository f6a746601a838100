using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TheBot.Api.Features.Assignments;

/// <summary>A file handed in with a submission; its bytes live in the content store under <see cref="StorageKey"/>.</summary>
public sealed class SubmissionFile
{
    /// <summary>How many files one attempt may carry.</summary>
    public const int MaxPerSubmission = 5;

    public Guid Id { get; set; }

    public Guid SubmissionId { get; set; }

    /// <summary>The order the student sent them in, from 0.</summary>
    public int Position { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    public required string Sha256 { get; set; }

    public required string StorageKey { get; set; }
}

internal sealed class SubmissionFileConfiguration : IEntityTypeConfiguration<SubmissionFile>
{
    public void Configure(EntityTypeBuilder<SubmissionFile> builder)
    {
        builder.ToTable("submission_files", t => t.HasCheckConstraint("ck_submission_files_length", "length > 0"));
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.StorageKey).HasMaxLength(200);
        builder.HasOne<Submission>().WithMany(s => s.Files).HasForeignKey(f => f.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.SubmissionId, f.Position }).IsUnique();
        builder.HasIndex(f => f.StorageKey);
    }
}
