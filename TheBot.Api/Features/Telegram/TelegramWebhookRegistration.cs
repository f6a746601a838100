using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace TheBot.Api.Features.Telegram;

/// <summary>
/// At startup, when <see cref="TelegramOptions.WebhookUrl"/> is given, tells Telegram where to post updates
/// (<c>setWebhook</c> with the secret token). A failure is logged, not fatal: the bot still sends.
/// </summary>
public sealed partial class TelegramWebhookRegistration(TelegramBot bot, IOptions<TelegramOptions> options, ILogger<TelegramWebhookRegistration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || !settings.HasWebhookUrl)
        {
            return;
        }

        try
        {
            await bot.Client().SetWebhook(settings.WebhookUrl!.ToString(), secretToken: settings.WebhookSecret, cancellationToken: stoppingToken);
            LogRegistered(settings.WebhookUrl);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Telegram unreachable at startup: sending still works, the webhook can be set by hand.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(ex, settings.WebhookUrl!);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram's webhook is set to {Url}")]
    private partial void LogRegistered(Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting Telegram's webhook to {Url} failed; set it by hand (docs/notifications.md)")]
    private partial void LogFailed(Exception exception, Uri url);
}
