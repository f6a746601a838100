using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TheBot.Api.Features.Subjects;

/// <summary>A subject the centre teaches (mathematics, physics…), managed by admins.</summary>
public sealed class Subject
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>#RRGGBB, for calendars and badges.</summary>
    public string Color { get; set; } = "#4F46E5";

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A subject a teacher declares they teach.</summary>
public sealed class TeacherSubject
{
    public Guid TeacherId { get; set; }

    public Guid SubjectId { get; set; }

    public Subject? Subject { get; set; }
}

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> builder)
    {
        builder.ToTable("subjects", t => t.HasCheckConstraint("ck_subjects_color", "color ~ '^#[0-9A-Fa-f]{6}$'"));
        builder.Property(s => s.Name).HasMaxLength(100).UseCollation("C");
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.Property(s => s.Color).HasMaxLength(7);
        builder.HasIndex(s => s.Name).IsUnique();
    }
}

internal sealed class TeacherSubjectConfiguration : IEntityTypeConfiguration<TeacherSubject>
{
    public void Configure(EntityTypeBuilder<TeacherSubject> builder)
    {
        builder.ToTable("teacher_subjects");
        builder.HasKey(ts => new { ts.TeacherId, ts.SubjectId });
        builder.HasOne<Users.User>().WithMany().HasForeignKey(ts => ts.TeacherId);
        builder.HasOne(ts => ts.Subject).WithMany().HasForeignKey(ts => ts.SubjectId);
        builder.HasIndex(ts => ts.SubjectId);
    }
}
