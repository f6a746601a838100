using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Push;

/// <summary>
/// One browser's Web Push subscription (a device where the user allowed notifications): the push service's endpoint
/// and the keys the payload is encrypted for. An endpoint belongs to one user at a time.
/// </summary>
public sealed class PushSubscriptionEntry
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The push service's address for this browser (https), unique.</summary>
    public required string Endpoint { get; set; }

    /// <summary>The browser's P-256 public key (65 bytes, base64url).</summary>
    public required string P256dh { get; set; }

    /// <summary>The browser's authentication secret (16 bytes, base64url).</summary>
    public required string Auth { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the browser last sent it (it does on every visit); the oldest go first when a user has too many.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class PushSubscriptionEntryConfiguration : IEntityTypeConfiguration<PushSubscriptionEntry>
{
    public void Configure(EntityTypeBuilder<PushSubscriptionEntry> builder)
    {
        builder.ToTable("push_subscriptions");
        builder.Property(s => s.Endpoint).HasMaxLength(PushSubscriptionRules.MaxEndpointLength);
        builder.Property(s => s.P256dh).HasMaxLength(120);
        builder.Property(s => s.Auth).HasMaxLength(60);
        builder.HasIndex(s => s.Endpoint).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
