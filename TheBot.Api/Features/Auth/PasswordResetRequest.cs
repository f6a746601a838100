using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Auth;

/// <summary>
/// A "forgot password" request of an active user: a single-use link that expires, and the e-mail carrying it. Only
/// the token's SHA-256 is stored; the e-mail's state (<see cref="MailStatus"/> and the retry fields) makes the row its
/// own outbox, worked by <see cref="PasswordResetMailer"/>, so nothing is lost while the mail server is down.
/// </summary>
public sealed class PasswordResetRequest
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required byte[] TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the link was used, or voided because another of the user's links was.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary><see cref="PasswordResetMailStatus"/>: pending, sent, failed, or expired (never sent in time).</summary>
    public required string MailStatus { get; set; }

    public int MailAttempts { get; set; }

    /// <summary>When the pending e-mail is next due (after a backoff, after a claim's lease).</summary>
    public DateTimeOffset MailNextAttemptAt { get; set; }

    public string? MailLastError { get; set; }

    public DateTimeOffset? MailSentAt { get; set; }
}

public static class PasswordResetMailStatus
{
    public const string Pending = "pending";

    public const string Sent = "sent";

    /// <summary>Given up: refused for good or too many failed attempts.</summary>
    public const string Failed = "failed";

    /// <summary>The link expired (or was voided) before the e-mail could go: it is not sent any more.</summary>
    public const string Expired = "expired";
}

internal sealed class PasswordResetRequestConfiguration : IEntityTypeConfiguration<PasswordResetRequest>
{
    public void Configure(EntityTypeBuilder<PasswordResetRequest> builder)
    {
        builder.ToTable("password_reset_requests", t => t.HasCheckConstraint("ck_password_reset_requests_expiry", "expires_at > created_at"));
        builder.Property(r => r.TokenHash).HasMaxLength(32);
        builder.Property(r => r.MailStatus).HasMaxLength(16);
        builder.Property(r => r.MailLastError).HasMaxLength(1000);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.TokenHash).IsUnique();
        builder.HasIndex(r => r.UserId);
        // The mailer's claim: due pending e-mails, oldest due first.
        builder.HasIndex(r => r.MailNextAttemptAt).HasFilter("mail_status = 'pending'");
        // The purge job.
        builder.HasIndex(r => r.ExpiresAt);
    }
}
