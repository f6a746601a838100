using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Telegram;

/// <summary>
/// A one-time "Link Telegram" token: the deep link <c>https://t.me/{bot}?start=link_{token}</c> carries the token,
/// only its SHA-256 is stored. Used once (deleted when the bot receives it), or removed by
/// <see cref="DeleteExpiredTelegramLinksJob"/> after it expires.
/// </summary>
public sealed class TelegramLinkToken
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required byte[] TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>A user's linked Telegram chat: where the bot writes to them. One chat per user, one user per chat.</summary>
public sealed class TelegramChat
{
    public Guid UserId { get; set; }

    /// <summary>Telegram's chat id (the private chat with the bot).</summary>
    public long ChatId { get; set; }

    /// <summary>The Telegram @username at linking, if they have one (shown on the profile).</summary>
    public string? Username { get; set; }

    public DateTimeOffset LinkedAt { get; set; }

    /// <summary>When Telegram answered 403 (the user blocked the bot): no more messages go to the chat until they link again.</summary>
    public DateTimeOffset? BlockedAt { get; set; }

    public string? BlockedReason { get; set; }
}

internal sealed class TelegramLinkTokenConfiguration : IEntityTypeConfiguration<TelegramLinkToken>
{
    public void Configure(EntityTypeBuilder<TelegramLinkToken> builder)
    {
        builder.ToTable("telegram_link_tokens");
        builder.Property(t => t.TokenHash).HasMaxLength(32);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        // The cleanup job: expired tokens.
        builder.HasIndex(t => t.ExpiresAt);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TelegramChatConfiguration : IEntityTypeConfiguration<TelegramChat>
{
    public void Configure(EntityTypeBuilder<TelegramChat> builder)
    {
        builder.ToTable("telegram_chats");
        builder.HasKey(c => c.UserId);
        builder.HasIndex(c => c.ChatId).IsUnique();
        builder.Property(c => c.Username).HasMaxLength(64);
        builder.Property(c => c.BlockedReason).HasMaxLength(1000);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
