using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Subjects;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Enrollments;

public enum EnrollmentStatus
{
    Active,
    Completed,
    Dropped,
}

/// <summary>A student learning a subject with a teacher. At most one active per student and subject.</summary>
public sealed class Enrollment
{
    public Guid Id { get; set; }

    public Guid StudentId { get; set; }

    public User? Student { get; set; }

    public Guid SubjectId { get; set; }

    public Subject? Subject { get; set; }

    public Guid TeacherId { get; set; }

    public User? Teacher { get; set; }

    public EnrollmentStatus Status { get; set; } = EnrollmentStatus.Active;

    /// <summary>The tutor or admin who enrolled the student.</summary>
    public Guid CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>How many weeks one payment covers (billing).</summary>
    public int PeriodWeeks { get; set; } = DefaultPeriodWeeks;

    /// <summary>The last day paid for; null before the first payment (billing).</summary>
    public DateOnly? PaidUntil { get; set; }

    public const int DefaultPeriodWeeks = 4;
}

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> builder)
    {
        builder.ToTable("enrollments", t => t.HasCheckConstraint("ck_enrollments_period_weeks", "period_weeks BETWEEN 1 AND 52"));
        builder.Property(e => e.PeriodWeeks).HasDefaultValue(Enrollment.DefaultPeriodWeeks);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(e => e.Student).WithMany().HasForeignKey(e => e.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Teacher).WithMany().HasForeignKey(e => e.TeacherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Subject).WithMany().HasForeignKey(e => e.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.CreatedById).OnDelete(DeleteBehavior.Restrict);

        // The database, not only the code, keeps one active enrollment per student and subject.
        builder.HasIndex(e => new { e.StudentId, e.SubjectId })
            .IsUnique()
            .HasFilter("status = 'Active'")
            .HasDatabaseName("ux_enrollments_one_active_per_student_subject");
        builder.HasIndex(e => new { e.TeacherId, e.Status });
        builder.HasIndex(e => new { e.StudentId, e.Status });
    }
}
