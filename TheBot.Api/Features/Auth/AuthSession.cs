using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Auth;

/// <summary>
/// One signed-in device. Its refresh token rotates on every use; only hashes are stored. Presenting
/// the previous token (outside a short grace for racing tabs) revokes the session; any other wrong
/// token is only a failed refresh. It expires when unused for the sliding lifetime, and at the latest
/// the absolute lifetime after <see cref="CreatedAt"/> (<see cref="SessionLifetimeOptions"/>).
/// </summary>
public sealed class AuthSession
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public User? User { get; set; }

    public required byte[] CurrentTokenHash { get; set; }

    public byte[]? PreviousTokenHash { get; set; }

    public DateTimeOffset? RotatedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedReason { get; set; }

    /// <summary>The browser's User-Agent, shortened; shown in "my devices".</summary>
    public string? Device { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>PostgreSQL's row version: two refreshes of one session cannot both rotate it.</summary>
    public uint Version { get; set; }

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

internal sealed class AuthSessionConfiguration : IEntityTypeConfiguration<AuthSession>
{
    public void Configure(EntityTypeBuilder<AuthSession> builder)
    {
        builder.ToTable("auth_sessions");
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.CurrentTokenHash).HasMaxLength(32);
        builder.Property(s => s.PreviousTokenHash).HasMaxLength(32);
        builder.Property(s => s.RevokedReason).HasMaxLength(64);
        builder.Property(s => s.Device).HasMaxLength(256);
        builder.Property(s => s.IpAddress).HasMaxLength(64);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasIndex(s => new { s.UserId, s.RevokedAt });
        builder.HasIndex(s => s.ExpiresAt);
        // User statistics: who was seen (signed in or refreshed) since a date.
        builder.HasIndex(s => new { s.UserId, s.LastSeenAt });
    }
}
