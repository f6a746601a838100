using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Applications;

/// <summary>
/// The e-mail that gives one account an approval created its sign-in details, written with the approval (one
/// transaction) and sent by <see cref="FamilyWelcomeMailer"/> with retries. The password is not stored: it is derived
/// again from the row's id (<see cref="FamilyPasswords"/>), so a copy of the table opens no account.
/// </summary>
public sealed class FamilyWelcomeMail
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    /// <summary>The new account (student or parent) whose details the e-mail carries.</summary>
    public Guid UserId { get; set; }

    /// <summary><see cref="FamilyWelcomeMailStatus"/>: pending, sent or failed.</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public static class FamilyWelcomeMailStatus
{
    public const string Pending = "pending";

    public const string Sent = "sent";

    /// <summary>Given up: refused for good, too many failed attempts, or the account is gone.</summary>
    public const string Failed = "failed";
}

internal sealed class FamilyWelcomeMailConfiguration : IEntityTypeConfiguration<FamilyWelcomeMail>
{
    public void Configure(EntityTypeBuilder<FamilyWelcomeMail> builder)
    {
        builder.ToTable("family_welcome_mails");
        builder.Property(m => m.Status).HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasOne<SignupApplication>().WithMany().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId);
        builder.HasIndex(m => m.ApplicationId);
        // The mailer's claim: due pending rows.
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("status = 'pending'");
    }
}
