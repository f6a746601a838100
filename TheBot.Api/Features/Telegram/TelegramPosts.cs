using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications.Delivery;

namespace TheBot.Api.Features.Telegram;

/// <summary>
/// Stages messages for the admins' group and the log channel in the scope's <see cref="TheBotDbContext"/>: they are
/// written by the caller's next save, with the change they tell of, and sent by <see cref="TelegramPostSender"/>.
/// Nothing is staged for a chat that is not configured (or an event the log channel does not carry).
/// </summary>
public sealed class TelegramPosts(TheBotDbContext db, IOptions<TelegramOptions> options, TimeProvider clock, TelegramPostSender sender)
{
    /// <summary>Telegram's limit for a message's text.</summary>
    private const int MaxText = 4096;

    public bool Russian => options.Value.GroupLanguage == "ru";

    /// <summary>Stages a message for the admins' group; false when none is configured.</summary>
    public bool StageForAdmins(string logEvent, string text) => Stage(TelegramPostChats.Admins, options.Value.AnnouncesApplications ? options.Value.AdminChatId : null, logEvent, text);

    /// <summary>Stages a message for the log channel when it carries <paramref name="logEvent"/>; false otherwise.</summary>
    public bool StageForLog(string logEvent, string text) => Stage(TelegramPostChats.Log, options.Value.Logs(logEvent) ? options.Value.LogChatId : null, logEvent, text);

    /// <summary>After the save: the sender on this replica looks at once.</summary>
    public void Wake() => sender.Wake();

    private bool Stage(string chat, long? chatId, string logEvent, string text)
    {
        if (chatId is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        db.TelegramPosts.Add(new TelegramPost
        {
            Id = Guid.CreateVersion7(),
            Chat = chat,
            Event = logEvent,
            ChatId = chatId.Value,
            Text = text.Length > MaxText ? text[..(MaxText - 1)] + "…" : text,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        });
        return true;
    }
}
