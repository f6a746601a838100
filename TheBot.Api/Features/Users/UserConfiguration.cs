using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Storage;

namespace TheBot.Api.Features.Users;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.Role).HasConversion(r => r.ToName(), s => Parse(s)).HasMaxLength(16);
        builder.Property(u => u.TimeZone).HasMaxLength(64);
        builder.Property(u => u.Language).HasMaxLength(2);
        builder.Property(u => u.PhoneNumber).HasMaxLength(32);
        builder.Property(u => u.AvatarKey).HasMaxLength(200);
        builder.Property(u => u.AvatarContentType).HasMaxLength(32);
        // RemoveUnreferencedFilesJob asks whether a stored file is someone's avatar.
        builder.HasIndex(u => u.AvatarKey).HasFilter("avatar_key IS NOT NULL");
        builder.HasIndex(u => new { u.Role, u.FullName });
        // Admin search is a substring match on name or email.
        builder.HasIndex(u => u.FullName).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_users_full_name_trgm");
        builder.HasIndex(u => u.Email).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_users_email_trgm");
        builder.ToTable(t => t.HasCheckConstraint("ck_users_language", "language IN ('ru', 'en')"));

        builder.HasOne(u => u.StudentProfile).WithOne().HasForeignKey<StudentProfile>(p => p.UserId);
        builder.HasOne(u => u.TeacherProfile).WithOne().HasForeignKey<TeacherProfile>(p => p.UserId);
        builder.HasOne(u => u.TutorProfile).WithOne().HasForeignKey<TutorProfile>(p => p.UserId);
        builder.HasMany<StoredFile>().WithOne().HasForeignKey(f => f.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }

    // Internal, not private: the compiled model (Data/CompiledModel) calls it.
    internal static UserRole Parse(string value) =>
        UserRoleNames.TryParse(value, out var role) ? role : throw new InvalidOperationException($"Unknown role '{value}' in the database.");
}

internal sealed class StudentProfileConfiguration : IEntityTypeConfiguration<StudentProfile>
{
    public void Configure(EntityTypeBuilder<StudentProfile> builder)
    {
        builder.ToTable("student_profiles", t => t.HasCheckConstraint("ck_student_profiles_grade", "grade BETWEEN 1 AND 12"));
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.Goal).HasMaxLength(1000);
        builder.HasOne(p => p.Tutor).WithMany().HasForeignKey(p => p.TutorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.TutorId);
        builder.HasMany(p => p.Parents).WithOne().HasForeignKey(sp => sp.StudentId);
    }
}

internal sealed class StudentParentConfiguration : IEntityTypeConfiguration<StudentParent>
{
    public void Configure(EntityTypeBuilder<StudentParent> builder)
    {
        builder.ToTable("student_parents");
        builder.HasKey(sp => new { sp.StudentId, sp.ParentId });
        builder.HasOne(sp => sp.Parent).WithMany().HasForeignKey(sp => sp.ParentId);
        builder.HasIndex(sp => sp.ParentId);
    }
}

internal sealed class TeacherProfileConfiguration : IEntityTypeConfiguration<TeacherProfile>
{
    public void Configure(EntityTypeBuilder<TeacherProfile> builder)
    {
        builder.ToTable("teacher_profiles");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.Bio).HasMaxLength(4000);
    }
}

internal sealed class TutorProfileConfiguration : IEntityTypeConfiguration<TutorProfile>
{
    public void Configure(EntityTypeBuilder<TutorProfile> builder)
    {
        builder.ToTable("tutor_profiles");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.Bio).HasMaxLength(4000);
    }
}
