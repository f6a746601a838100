using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace TheBot.Api.Features.Telegram;

/// <summary>
/// The Bot API client (<c>Telegram.Bot</c>) for the configured bot, on <see cref="TelegramOptions.ApiBaseUrl"/> when
/// given. It never retries by itself: a 429's <c>retry_after</c> goes back to the outbox, which waits that long.
/// </summary>
public sealed class TelegramBot(IOptions<TelegramOptions> options, IHttpClientFactory httpClients)
{
    public const string HttpClientName = "telegram";

    public bool Enabled => options.Value.Enabled;

    public string? Username => options.Value.BotUsername;

    /// <summary>The deep link that opens the bot with <c>/start {payload}</c>.</summary>
    public string DeepLink(string payload)
    {
        var settings = options.Value;
        var origin = settings.HasLinkBaseUrl ? settings.LinkBaseUrl!.ToString().TrimEnd('/') : "https://t.me";
        return $"{origin}/{settings.BotUsername}?start={Uri.EscapeDataString(payload)}";
    }

    public ITelegramBotClient Client()
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            throw new InvalidOperationException("Telegram is not configured (Telegram:BotToken).");
        }

        var clientOptions = new TelegramBotClientOptions(settings.BotToken!, settings.HasApiBaseUrl ? settings.ApiBaseUrl!.ToString().TrimEnd('/') : null)
        {
            RetryThreshold = 0,
            RetryCount = 0,
        };
        return new TelegramBotClient(clientOptions, httpClients.CreateClient(HttpClientName));
    }

    /// <summary>Sends a text message; returns its message id.</summary>
    public async Task<int> SendAsync(long chatId, string text, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken)
    {
        var message = await Client().SendMessage(chatId, text, ParseMode.None, replyMarkup: buttons, linkPreviewOptions: LinkPreviewOptions.Disabled, cancellationToken: cancellationToken);
        return message.MessageId;
    }

    /// <summary>Edits a message sent before (text and buttons).</summary>
    public async Task EditAsync(long chatId, int messageId, string text, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken) =>
        await Client().EditMessageText(chatId, messageId, text, ParseMode.None, replyMarkup: buttons, linkPreviewOptions: LinkPreviewOptions.Disabled, cancellationToken: cancellationToken);

    /// <summary>Telegram's 403 for a private chat: the user blocked the bot or deleted their account.</summary>
    public static bool IsBlocked(ApiRequestException exception) =>
        exception is { ErrorCode: 403 } || exception.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase);
}
