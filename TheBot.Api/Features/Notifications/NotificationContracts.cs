using System.ComponentModel.DataAnnotations;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Notifications;

public sealed record NotificationQuery
{
    /// <summary>Include archived notifications (default: only those not archived).</summary>
    public bool? Archived { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record NotificationResponse(
    Guid Id,
    string Type,
    NotificationPriority Priority,
    string Title,
    string? Body,
    string? Link,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    DateTimeOffset? ArchivedAt);

public sealed record NotificationListResponse(
    IReadOnlyList<NotificationResponse> Items, int Page, int PageSize, int TotalCount, int TotalPages, int UnreadCount);

public sealed record ReadAllResponse(int Marked);

/// <param name="EmailTypes">The types that also come by e-mail (the user's choice or their role's defaults).</param>
/// <param name="EmailTypesAvailable">The types an e-mail can be had for; empty when e-mail is not configured on this server.</param>
/// <param name="PushTypes">The types that also come by Web Push to the user's subscribed browsers (their choice or every type).</param>
/// <param name="PushTypesAvailable">The types that can be pushed; empty when Web Push is not configured on this server.</param>
/// <param name="EmailRefused">Set when the mail server refused the user's address for good: no e-mail goes to it.</param>
/// <param name="TelegramTypes">The types that also come to the user's linked Telegram chat (their choice or their role's defaults).</param>
/// <param name="TelegramTypesAvailable">The types a Telegram message can be had for; empty when Telegram is not configured or the user has not linked a chat.</param>
public sealed record NotificationSettingsResponse(
    IReadOnlyList<string> DisabledTypes,
    string? QuietHoursStart,
    string? QuietHoursEnd,
    string TimeZone,
    IReadOnlyList<string> EmailTypes,
    IReadOnlyList<string> EmailTypesAvailable,
    EmailRefusalResponse? EmailRefused,
    IReadOnlyList<string> PushTypes,
    IReadOnlyList<string> PushTypesAvailable,
    IReadOnlyList<string> TelegramTypes,
    IReadOnlyList<string> TelegramTypesAvailable);

public sealed record EmailRefusalResponse(string Address, DateTimeOffset At, string? Reason);

/// <param name="EmailTypes">The types to get by e-mail; left out: unchanged.</param>
/// <param name="PushTypes">The types to get by Web Push; left out: unchanged.</param>
/// <param name="TelegramTypes">The types to get in Telegram; left out: unchanged.</param>
public sealed record NotificationSettingsRequest(
    [property: Required, MaxLength(30)] IReadOnlyList<string>? DisabledTypes,
    [property: RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$", ErrorMessage = "Use HH:mm.")] string? QuietHoursStart,
    [property: RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$", ErrorMessage = "Use HH:mm.")] string? QuietHoursEnd,
    [property: MaxLength(30)] IReadOnlyList<string>? EmailTypes = null,
    [property: MaxLength(30)] IReadOnlyList<string>? PushTypes = null,
    [property: MaxLength(30)] IReadOnlyList<string>? TelegramTypes = null);
