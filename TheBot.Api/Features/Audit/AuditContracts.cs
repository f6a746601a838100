using System.ComponentModel.DataAnnotations;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Audit;

public sealed record AuditQuery
{
    /// <summary>Only what this user did (TheBot itself, the system actor: 00000000-0000-0000-0000-000000000000).</summary>
    public Guid? ActorId { get; init; }

    /// <summary>user, enrollment, invoice, submission, lesson, chat-room, chat-message, price, subscription…</summary>
    [StringLength(40)]
    public string? EntityType { get; init; }

    public Guid? EntityId { get; init; }

    /// <summary>create, update, delete, deactivate, reactivate, change-role, reset-password, send, cancel, reschedule, grade, issue, subscribe, payment-confirmed, charge-succeeded, charge-failed, past-due…</summary>
    [StringLength(40)]
    public string? Action { get; init; }

    /// <summary>From this moment (inclusive).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Before this moment (exclusive).</summary>
    public DateTimeOffset? To { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

/// <summary>Who acted; TheBot itself is id 00000000-0000-0000-0000-000000000000, role system.</summary>
public sealed record AuditActorResponse(Guid Id, string Name, AuditActorRole Role);

public sealed record AuditEntityResponse(string Type, Guid Id, string Label);

public sealed record AuditEntryResponse(
    Guid Id,
    DateTimeOffset At,
    AuditActorResponse Actor,
    AuditEntityResponse Entity,
    string Action,
    IReadOnlyList<AuditFieldChange> Changes,
    string? ClientIp,
    string? UserAgent);
