using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace TheBot.Api.Features.Telegram;

/// <summary>
/// The <c>Telegram</c> section: the bot notifications go out through and the webhook that links accounts. Without
/// <see cref="BotToken"/> the Telegram channel is off (no linking, no outbox rows for it). Checked at startup.
/// </summary>
public sealed partial class TelegramOptions : IValidatableObject
{
    public const string SectionName = "Telegram";

    /// <summary>The token @BotFather gave (<c>123456789:AA…</c>), a secret.</summary>
    public string? BotToken { get; set; }

    /// <summary>The bot's username without the @ (<c>TheBotCentreBot</c>): deep links are <c>https://t.me/{BotUsername}?start=…</c>.</summary>
    public string? BotUsername { get; set; }

    /// <summary>
    /// The secret Telegram sends in <c>X-Telegram-Bot-Api-Secret-Token</c> with every update (given to <c>setWebhook</c>
    /// as <c>secret_token</c>): 1–256 of A–Z, a–z, 0–9, _ and -.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The Bot API server (<c>https://api.telegram.org</c> when empty); a local Bot API server, the stand-in or a test's fake.</summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>The webhook's public address, registered with <c>setWebhook</c> at startup when given (<c>https://thebot.example.org/api/telegram/webhook</c>).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>
    /// Where deep links point (<c>https://t.me</c> when empty): <c>{LinkBaseUrl}/{BotUsername}?start=…</c>. The AppHost's
    /// local Telegram stand-in sets its own address, so "Link Telegram" opens the stand-in on a laptop.
    /// </summary>
    public Uri? LinkBaseUrl { get; set; }

    /// <summary>How long a "Link Telegram" deep link stays valid.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The admins' group (a Telegram chat id; groups are negative): each new sign-up application is announced there.</summary>
    public long? AdminChatId { get; set; }

    /// <summary>The admin log channel (a Telegram chat id): the <see cref="LogEvents"/> are posted there.</summary>
    public long? LogChatId { get; set; }

    /// <summary>What goes to the log channel, of <see cref="TelegramLogEvents.All"/>; left out: every one.</summary>
    public string[]? LogEvents { get; set; }

    /// <summary>The language of the admins' group and the log channel: <c>ru</c> (the default) or <c>en</c>.</summary>
    public string GroupLanguage { get; set; } = "ru";

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>Whether <paramref name="logEvent"/> is posted to the log channel.</summary>
    public bool Logs(string logEvent) => Enabled && LogChatId is not null && (LogEvents is null || LogEvents.Contains(logEvent, StringComparer.Ordinal));

    public bool HasApiBaseUrl => ApiBaseUrl is { OriginalString.Length: > 0 };

    public bool HasWebhookUrl => WebhookUrl is { OriginalString.Length: > 0 };

    public bool HasLinkBaseUrl => LinkBaseUrl is { OriginalString.Length: > 0 };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AdminChatId == 0 || LogChatId == 0)
        {
            yield return new ValidationResult("Telegram:AdminChatId and Telegram:LogChatId are Telegram chat ids (a group's is negative), never 0.", [nameof(AdminChatId), nameof(LogChatId)]);
        }

        if (LogEvents?.Except(TelegramLogEvents.All, StringComparer.Ordinal).ToList() is [_, ..] unknown)
        {
            yield return new ValidationResult(
                $"Telegram:LogEvents may name only {string.Join(", ", TelegramLogEvents.All)} (not {string.Join(", ", unknown)}).", [nameof(LogEvents)]);
        }

        if (GroupLanguage is not ("ru" or "en"))
        {
            yield return new ValidationResult("Telegram:GroupLanguage must be ru or en.", [nameof(GroupLanguage)]);
        }

        if (!Enabled)
        {
            if (AdminChatId is not null || LogChatId is not null)
            {
                yield return new ValidationResult("Telegram:AdminChatId and Telegram:LogChatId need Telegram:BotToken: the bot posts there.", [nameof(BotToken)]);
            }

            yield break;
        }

        if (!BotTokenShape().IsMatch(BotToken!))
        {
            yield return new ValidationResult("Telegram:BotToken must be the token @BotFather gave (digits, a colon, then letters, digits, _ or -).", [nameof(BotToken)]);
        }

        if (string.IsNullOrWhiteSpace(BotUsername) || !BotUsernameShape().IsMatch(BotUsername))
        {
            yield return new ValidationResult("Telegram:BotUsername must be the bot's username without @ (5–32 letters, digits or _) when Telegram:BotToken is set.", [nameof(BotUsername)]);
        }

        if (string.IsNullOrEmpty(WebhookSecret) || !WebhookSecretShape().IsMatch(WebhookSecret))
        {
            yield return new ValidationResult("Telegram:WebhookSecret must be 1–256 of A–Z, a–z, 0–9, _ and - when Telegram:BotToken is set.", [nameof(WebhookSecret)]);
        }

        if (HasApiBaseUrl && !IsHttp(ApiBaseUrl!))
        {
            yield return new ValidationResult("Telegram:ApiBaseUrl must be an absolute http(s) address.", [nameof(ApiBaseUrl)]);
        }

        if (HasLinkBaseUrl && !IsHttp(LinkBaseUrl!))
        {
            yield return new ValidationResult("Telegram:LinkBaseUrl must be an absolute http(s) address.", [nameof(LinkBaseUrl)]);
        }

        if (HasWebhookUrl && (!IsHttp(WebhookUrl!) || WebhookUrl!.Scheme != Uri.UriSchemeHttps && !WebhookUrl.IsLoopback))
        {
            yield return new ValidationResult("Telegram:WebhookUrl must be an absolute https address (Telegram calls only https).", [nameof(WebhookUrl)]);
        }

        if (LinkLifetime < TimeSpan.FromMinutes(1) || LinkLifetime > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("Telegram:LinkLifetime must be between a minute and a day.", [nameof(LinkLifetime)]);
        }
    }

    /// <summary>Whether new applications are announced in the admins' group.</summary>
    public bool AnnouncesApplications => Enabled && AdminChatId is not null;

    private static bool IsHttp(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex("^[0-9]{1,20}:[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex BotTokenShape();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{4,31}$")]
    private static partial Regex BotUsernameShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex WebhookSecretShape();
}
