using Telegram.Bot.Types;

namespace TheBot.Api.Features.Telegram;

/// <summary>
/// What the bot does with an update Telegram posts to the webhook: <c>/start link_{token}</c> links the chat to the
/// token's account and says so in the chat; a bare <c>/start</c> explains how to link; everything else is ignored.
/// </summary>
public sealed partial class TelegramWebhook(TelegramLinking linking, TelegramBot bot, ILogger<TelegramWebhook> logger)
{
    public async Task HandleAsync(Update update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Message is not { Text: { } text, Chat: { } chat } message || !TryReadStart(text, out var payload))
        {
            return;
        }

        var russianSender = message.From?.LanguageCode?.StartsWith("ru", StringComparison.OrdinalIgnoreCase) == true;
        string reply;
        if (payload.StartsWith(TelegramLinking.StartPrefix, StringComparison.Ordinal))
        {
            var linked = await linking.AcceptAsync(payload[TelegramLinking.StartPrefix.Length..], chat.Id, message.From?.Username, ct);
            reply = linked is null
                ? Say(russianSender,
                    "This link is not valid any more (links work once, for 10 minutes). Open your TheBot profile and press “Link Telegram” again.",
                    "Эта ссылка больше не действует (ссылка работает один раз, 10 минут). Откройте профиль в TheBot и снова нажмите «Привязать Telegram».")
                : Say(linked.Language == "ru",
                    $"Done: this chat is linked to {linked.FullName} on TheBot. The notifications you choose in your profile will come here.",
                    $"Готово: этот чат привязан к аккаунту {linked.FullName} в TheBot. Уведомления, выбранные в профиле, будут приходить сюда.");
            if (linked is not null)
            {
                LogLinked(linked.UserId);
            }
        }
        else
        {
            reply = Say(russianSender,
                "Hello! To get TheBot notifications here, open your profile on the site and press “Link Telegram”.",
                "Здравствуйте! Чтобы получать уведомления TheBot здесь, откройте профиль на сайте и нажмите «Привязать Telegram».");
        }

        try
        {
            await bot.SendAsync(chat.Id, reply, buttons: null, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The link stands whether or not the answer reaches the chat.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReplyFailed(ex);
        }
    }

    /// <summary><c>/start</c>, <c>/start payload</c> or <c>/start@SomeBot payload</c>: the payload (empty for a bare /start).</summary>
    public static bool TryReadStart(string text, out string payload)
    {
        ArgumentNullException.ThrowIfNull(text);
        payload = "";
        var parts = text.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return false;
        }

        var command = parts[0];
        var at = command.IndexOf('@', StringComparison.Ordinal);
        if ((at < 0 ? command : command[..at]) != "/start")
        {
            return false;
        }

        payload = parts.Length > 1 ? parts[1] : "";
        return true;
    }

    private static string Say(bool russian, string english, string russianText) => russian ? russianText : english;

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} linked a Telegram chat")]
    private partial void LogLinked(Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bot's answer to /start could not be sent")]
    private partial void LogReplyFailed(Exception exception);
}
