using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.ParentInvitations;

public enum ParentInvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Expired,

    /// <summary>Replaced by a newer invitation to the same email for the same student.</summary>
    Revoked,
}

/// <summary>
/// A tutor's request that the person behind <see cref="Email"/> become a parent of a student. Nothing is
/// linked until they answer: an existing parent accepts it while signed in, a new one redeems its code
/// and sets their own password. Only the code's SHA-256 is stored.
/// </summary>
public sealed class ParentInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; set; }

    public Guid StudentId { get; set; }

    public User? Student { get; set; }

    public Guid InvitedById { get; set; }

    public User? InvitedBy { get; set; }

    /// <summary>As the tutor typed it (trimmed).</summary>
    public required string Email { get; set; }

    /// <summary>Upper-case, as Identity normalises emails: how the invited person's account is found.</summary>
    public required string NormalizedEmail { get; set; }

    /// <summary>The name the tutor gave, used for a new account.</summary>
    public string? FullName { get; set; }

    public string? Phone { get; set; }

    public required byte[] CodeHash { get; set; }

    public ParentInvitationStatus Status { get; set; } = ParentInvitationStatus.Pending;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    /// <summary>Who accepted it (an existing parent, or the account made when the code was redeemed).</summary>
    public Guid? ParentId { get; set; }
}

internal sealed class ParentInvitationConfiguration : IEntityTypeConfiguration<ParentInvitation>
{
    public void Configure(EntityTypeBuilder<ParentInvitation> builder)
    {
        builder.ToTable("parent_invitations", t => t.HasCheckConstraint("ck_parent_invitations_expiry", "expires_at > created_at"));
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.NormalizedEmail).HasMaxLength(254);
        builder.Property(i => i.FullName).HasMaxLength(200);
        builder.Property(i => i.Phone).HasMaxLength(32);
        builder.Property(i => i.CodeHash).HasMaxLength(32);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(i => i.Student).WithMany().HasForeignKey(i => i.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.InvitedBy).WithMany().HasForeignKey(i => i.InvitedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.CodeHash).IsUnique();
        // One open invitation per student and email: inviting again replaces it (the old one is revoked first).
        builder.HasIndex(i => new { i.StudentId, i.NormalizedEmail })
            .IsUnique()
            .HasFilter("status = 'Pending'")
            .HasDatabaseName("ux_parent_invitations_one_pending_per_student_email");
        // A parent's open invitations; the expiry job's sweep.
        builder.HasIndex(i => i.NormalizedEmail).HasFilter("status = 'Pending'");
        builder.HasIndex(i => i.ExpiresAt).HasFilter("status = 'Pending'");
    }
}
