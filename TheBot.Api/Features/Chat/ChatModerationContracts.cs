using System.ComponentModel.DataAnnotations;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Chat;

public sealed record ModeratedRoomQuery
{
    /// <summary>Only rooms this user is a member of.</summary>
    public Guid? MemberId { get; init; }

    /// <summary>Only rooms with a member whose name or email contains this.</summary>
    [StringLength(100)]
    public string? Search { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record ModeratedRoomMember(Guid Id, string FullName, UserRole Role);

/// <summary>A room as moderation lists it: its kind, subject, members and how many messages it has had.</summary>
public sealed record ModeratedRoom(
    Guid Id,
    ChatRoomKind Kind,
    string? SubjectName,
    IReadOnlyList<ModeratedRoomMember> Members,
    long MessageCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastMessageAt);
