using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Subjects;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Materials;

public enum MaterialKind
{
    Lesson,
    Presentation,
    VideoLink,
    Document,
    Homework,
}

public enum MaterialStatus
{
    Draft,
    Active,
    Archived,
}

/// <summary>
/// Something a teacher publishes for a subject: to all students enrolled with them in it, or to
/// chosen ones (<see cref="MaterialRecipient"/>). At most one attached file, kept in the content store.
/// </summary>
public sealed class Material
{
    public Guid Id { get; set; }

    public Guid TeacherId { get; set; }

    public User? Teacher { get; set; }

    public Guid SubjectId { get; set; }

    public Subject? Subject { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public MaterialKind Kind { get; set; }

    public MaterialStatus Status { get; set; } = MaterialStatus.Draft;

    /// <summary>1 (easy) to 5 (hard).</summary>
    public int Difficulty { get; set; } = 1;

    public string? VideoUrl { get; set; }

    /// <summary>True: every student enrolled with the teacher in the subject; false: the recipients only.</summary>
    public bool ForAllStudents { get; set; } = true;

    public string? FileName { get; set; }

    public string? FileContentType { get; set; }

    public long? FileLength { get; set; }

    public string? FileSha256 { get; set; }

    public string? FileKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class MaterialRecipient
{
    public Guid MaterialId { get; set; }

    public Guid StudentId { get; set; }
}

/// <summary>A student's progress on a material: first opened, completed, and the time spent with it open.</summary>
public sealed class MaterialProgress
{
    public Guid MaterialId { get; set; }

    public Guid StudentId { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The student's client's last report (opening or heartbeat): a heartbeat is credited at most the time since.</summary>
    public DateTimeOffset LastActiveAt { get; set; }

    /// <summary>Seconds the material was open and visible, as credited from heartbeats.</summary>
    public int SecondsSpent { get; set; }
}

internal sealed class MaterialConfiguration : IEntityTypeConfiguration<Material>
{
    public void Configure(EntityTypeBuilder<Material> builder)
    {
        builder.ToTable("materials", t =>
        {
            t.HasCheckConstraint("ck_materials_difficulty", "difficulty BETWEEN 1 AND 5");
            t.HasCheckConstraint("ck_materials_video_url_https", "video_url IS NULL OR video_url LIKE 'https://%'");
        });
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Description).HasMaxLength(4000);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.VideoUrl).HasMaxLength(500);
        builder.Property(m => m.FileName).HasMaxLength(255);
        builder.Property(m => m.FileContentType).HasMaxLength(100);
        builder.Property(m => m.FileSha256).HasMaxLength(64);
        builder.Property(m => m.FileKey).HasMaxLength(200);
        builder.HasOne(m => m.Teacher).WithMany().HasForeignKey(m => m.TeacherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Subject).WithMany().HasForeignKey(m => m.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.TeacherId, m.SubjectId, m.Status });
        builder.HasIndex(m => new { m.SubjectId, m.Status });
        builder.HasIndex(m => m.FileKey).HasFilter("file_key IS NOT NULL");
    }
}

internal sealed class MaterialRecipientConfiguration : IEntityTypeConfiguration<MaterialRecipient>
{
    public void Configure(EntityTypeBuilder<MaterialRecipient> builder)
    {
        builder.ToTable("material_recipients");
        builder.HasKey(r => new { r.MaterialId, r.StudentId });
        builder.HasOne<Material>().WithMany().HasForeignKey(r => r.MaterialId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.StudentId);
    }
}

internal sealed class MaterialProgressConfiguration : IEntityTypeConfiguration<MaterialProgress>
{
    public void Configure(EntityTypeBuilder<MaterialProgress> builder)
    {
        builder.ToTable("material_progress", t => t.HasCheckConstraint("ck_material_progress_seconds_spent", "seconds_spent >= 0"));
        builder.HasKey(p => new { p.MaterialId, p.StudentId });
        builder.HasOne<Material>().WithMany().HasForeignKey(p => p.MaterialId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.StudentId);
    }
}
