using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;

namespace TheBot.Api.Features.Telegram;

/// <summary>
/// Linking a TheBot account to a Telegram chat: a one-time deep link (<c>/start link_{token}</c>, valid
/// <see cref="TelegramOptions.LinkLifetime"/>), the bot's receipt of it, the status and unlinking.
/// </summary>
public sealed class TelegramLinking(TheBotDbContext db, TelegramBot bot, IOptions<TelegramOptions> options, TimeProvider clock)
{
    public const string StartPrefix = "link_";

    /// <summary>A new deep link for the user; their earlier unused links stop working.</summary>
    public async Task<TelegramLinkResponse> CreateLinkAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await db.TelegramLinkTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        var expires = now + options.Value.LinkLifetime;
        db.TelegramLinkTokens.Add(new TelegramLinkToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = expires,
        });
        await db.SaveChangesAsync(ct);
        return new TelegramLinkResponse(bot.DeepLink(StartPrefix + token), expires);
    }

    public async Task<TelegramStatusResponse> StatusAsync(Guid userId, CancellationToken ct)
    {
        var chat = await db.TelegramChats.AsNoTracking().Where(c => c.UserId == userId)
            .Select(c => new { c.Username, c.LinkedAt, c.BlockedAt, c.BlockedReason })
            .FirstOrDefaultAsync(ct);
        return new TelegramStatusResponse(
            bot.Enabled, bot.Enabled ? bot.Username : null, chat is not null, chat?.Username, chat?.LinkedAt, chat?.BlockedAt, chat?.BlockedReason);
    }

    /// <summary>Forgets the user's chat and their unused links; returns whether a chat was linked.</summary>
    public async Task<bool> UnlinkAsync(Guid userId, CancellationToken ct)
    {
        await db.TelegramLinkTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        return await db.TelegramChats.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>
    /// The bot received <c>/start link_{token}</c> in <paramref name="chatId"/>: if the token is valid the chat is linked
    /// to its user (replacing their earlier chat, and taken from any other user it was linked to) and the token is used up.
    /// Returns the linked user's name and language, or null for an unknown, used or expired token.
    /// </summary>
    public async Task<LinkedAccount?> AcceptAsync(string token, long chatId, string? username, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = Hash(token);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var link = await db.TelegramLinkTokens.Where(t => t.TokenHash == hash && t.ExpiresAt > now).FirstOrDefaultAsync(ct);
        if (link is null)
        {
            return null;
        }

        // Used once: two deliveries of the same update link once.
        if (await db.TelegramLinkTokens.Where(t => t.Id == link.Id).ExecuteDeleteAsync(ct) == 0)
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == link.UserId && u.IsActive)
            .Select(u => new LinkedAccount(u.Id, u.FullName, u.Language)).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            await transaction.CommitAsync(ct);
            return null;
        }

        await db.TelegramChats.Where(c => c.ChatId == chatId || c.UserId == user.UserId).ExecuteDeleteAsync(ct);
        db.TelegramChats.Add(new TelegramChat { UserId = user.UserId, ChatId = chatId, Username = username is { Length: <= 64 } ? username : null, LinkedAt = now });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

public sealed record LinkedAccount(Guid UserId, string FullName, string Language);

/// <param name="Url">The deep link to open (or show as a QR code): <c>https://t.me/{bot}?start=link_…</c>.</param>
public sealed record TelegramLinkResponse(string Url, DateTimeOffset ExpiresAt);

/// <param name="Available">Whether this TheBot has a Telegram bot configured.</param>
/// <param name="BlockedAt">When Telegram refused a message because the user blocked the bot: nothing goes to the chat until they link again.</param>
public sealed record TelegramStatusResponse(
    bool Available,
    string? BotUsername,
    bool Linked,
    string? Username,
    DateTimeOffset? LinkedAt,
    DateTimeOffset? BlockedAt,
    string? BlockedReason);
