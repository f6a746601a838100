using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Applications;

public enum ApplicationStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// Someone asking to join through the public form. They follow it with a secret tracking token
/// (only its hash is stored); an admin approves it (creating the account) or rejects it.
/// </summary>
public sealed class SignupApplication
{
    public Guid Id { get; set; }

    /// <summary>Null once the token expired and was purged.</summary>
    public byte[]? TrackingTokenHash { get; set; }

    public required string FullName { get; set; }

    public required string Email { get; set; }

    public string? Phone { get; set; }

    public UserRole DesiredRole { get; set; }

    public string? Message { get; set; }

    /// <summary>The student's parent the family asks an account for (approved as a student: created and linked).</summary>
    public string? ParentFullName { get; set; }

    public string? ParentEmail { get; set; }

    /// <summary>The language the family applied in (<c>en</c>, <c>ru</c>): their accounts' and the sign-in e-mail's.</summary>
    public string Language { get; set; } = "ru";

    public ApplicationStatus Status { get; set; } = ApplicationStatus.Pending;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedById { get; set; }

    public string? DecisionNote { get; set; }

    public Guid? CreatedUserId { get; set; }

    /// <summary>The parent account the approval created and linked to <see cref="CreatedUserId"/>.</summary>
    public Guid? CreatedParentId { get; set; }

    /// <summary>When the tracking token stops working (purged by a scheduled job).</summary>
    public DateTimeOffset TokenExpiresAt { get; set; }
}

internal sealed class SignupApplicationConfiguration : IEntityTypeConfiguration<SignupApplication>
{
    public void Configure(EntityTypeBuilder<SignupApplication> builder)
    {
        builder.ToTable("signup_applications");
        builder.Property(a => a.TrackingTokenHash).HasMaxLength(32);
        builder.HasIndex(a => a.TrackingTokenHash).IsUnique();
        builder.Property(a => a.FullName).HasMaxLength(200);
        builder.Property(a => a.Email).HasMaxLength(254);
        builder.Property(a => a.Phone).HasMaxLength(32);
        builder.Property(a => a.Message).HasMaxLength(2000);
        builder.Property(a => a.DecisionNote).HasMaxLength(1000);
        builder.Property(a => a.ParentFullName).HasMaxLength(200);
        builder.Property(a => a.ParentEmail).HasMaxLength(254);
        builder.Property(a => a.Language).HasMaxLength(8);
        builder.Property(a => a.DesiredRole).HasConversion(r => r.ToName(), s => ParseRole(s)).HasMaxLength(16);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => new { a.Status, a.CreatedAt });
        // One pending application per email: the database keeps it so under concurrent submits.
        builder.HasIndex(a => a.Email).IsUnique().HasFilter("status = 'Pending'");
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.DecidedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.CreatedUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.CreatedParentId).OnDelete(DeleteBehavior.SetNull);
    }

    // Internal, not private: the compiled model (Data/CompiledModel) calls it.
    internal static UserRole ParseRole(string value) =>
        UserRoleNames.TryParse(value, out var role) ? role : throw new InvalidOperationException($"Unknown role '{value}'.");
}
