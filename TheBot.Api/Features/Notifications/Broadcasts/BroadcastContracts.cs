using System.ComponentModel.DataAnnotations;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Notifications.Broadcasts;

/// <summary>A broadcast to exactly one audience: everyone, a role, a subject, a tutor, a teacher or hand-picked people.</summary>
/// <param name="SendAt">When to send it (omitted: now); at most a year ahead.</param>
/// <param name="TutorId">To this tutor's students (see <see cref="IncludeParents"/>).</param>
/// <param name="IncludeParents">With a tutor: their students' parents too.</param>
/// <param name="TeacherId">To this teacher's actively enrolled students.</param>
/// <param name="UserIds">To these people (at most 1000).</param>
public sealed record BroadcastRequest(
    [property: Required, MinLength(1), MaxLength(200)] string Title,
    [property: MaxLength(4000)] string? Body,
    [property: MaxLength(500)] string? Link,
    [property: EnumName<NotificationPriority>] string? Priority,
    [property: EnumName<UserRole>] string? Role,
    Guid? SubjectId,
    bool? Everyone,
    DateTimeOffset? SendAt = null,
    Guid? TutorId = null,
    bool? IncludeParents = null,
    Guid? TeacherId = null,
    IReadOnlyList<Guid>? UserIds = null);

/// <param name="Status">scheduled (due later), sending (due, being fanned out), sent (every recipient has it) or cancelled.</param>
/// <param name="RecipientCount">How many people got it in the app (once sent).</param>
/// <param name="Counts">Recipients by their status (see <see cref="BroadcastRecipientStatus"/>).</param>
/// <param name="AudienceKind">everyone, role, subject, tutor, teacher or users.</param>
/// <param name="TargetName">The subject's, tutor's or teacher's name for those audiences.</param>
/// <param name="UserCount">How many people were hand-picked (the users audience).</param>
/// <param name="Read">Recipients who have read it in the app.</param>
public sealed record BroadcastResponse(
    Guid Id,
    string Title,
    string? Body,
    string? Link,
    string Priority,
    string AudienceKind,
    string? Role,
    Guid? SubjectId,
    DateTimeOffset CreatedAt,
    DateTimeOffset SendAt,
    string Status,
    int RecipientCount,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? CancelledAt,
    BroadcastCounts Counts,
    Guid? TutorId,
    bool IncludeParents,
    Guid? TeacherId,
    string? TargetName,
    int UserCount,
    int Read);

/// <param name="Recipients">Everyone the fan-out reached so far (including those who switched broadcasts off).</param>
/// <param name="Delivered">In the app only (no channel was wanted or reachable).</param>
/// <param name="Sent">Sent through at least one channel (e-mail, Telegram, push), none failed or waiting.</param>
/// <param name="Failed">At least one channel failed for good.</param>
/// <param name="Waiting">A channel delivery still to go (due, retried or after quiet hours).</param>
/// <param name="Suppressed">Not delivered on purpose: broadcasts switched off.</param>
public sealed record BroadcastCounts(int Recipients, int Delivered, int Sent, int Failed, int Waiting, int Suppressed)
{
    public static readonly BroadcastCounts None = new(0, 0, 0, 0, 0, 0);
}

public sealed record BroadcastQuery
{
    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record BroadcastRecipientQuery
{
    /// <summary>delivered, sent, failed, waiting or suppressed.</summary>
    [MaxLength(16)]
    public string? Status { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

/// <param name="Status">The recipient's status over the app and every channel (<see cref="BroadcastRecipientStatus"/>).</param>
/// <param name="ReadAt">When they read it in the app.</param>
/// <param name="Deliveries">Each channel the broadcast went (or is to go) through for them.</param>
public sealed record BroadcastRecipientResponse(
    Guid UserId,
    string FullName,
    string? Email,
    string Role,
    string Status,
    DateTimeOffset? ReadAt,
    IReadOnlyList<BroadcastDeliveryResponse> Deliveries);

/// <param name="Channel">email, push or telegram.</param>
/// <param name="Status">sent, failed, waiting or suppressed.</param>
/// <param name="Error">Why it failed or was suppressed (the far side's answer), or the last passing failure.</param>
public sealed record BroadcastDeliveryResponse(
    Guid Id, string Channel, string Status, int Attempts, string? Error, DateTimeOffset? SentAt, DateTimeOffset NextAttemptAt);

/// <param name="Retried">How many failed deliveries are due again.</param>
public sealed record BroadcastRetryResponse(int Retried);

/// <summary>What a broadcast's recipient got, over the app and every channel, worst first.</summary>
public static class BroadcastRecipientStatus
{
    /// <summary>A channel failed for good.</summary>
    public const string Failed = "failed";

    /// <summary>A channel delivery is still to go.</summary>
    public const string Waiting = "waiting";

    /// <summary>Sent through a channel.</summary>
    public const string Sent = "sent";

    /// <summary>In the app only.</summary>
    public const string Delivered = "delivered";

    /// <summary>Nothing: they switched broadcasts off.</summary>
    public const string Suppressed = "suppressed";

    public static readonly IReadOnlyList<string> All = [Delivered, Sent, Failed, Waiting, Suppressed];
}
