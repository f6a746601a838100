using System.ComponentModel.DataAnnotations;
using TheBot.Api.Platform.Paging;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Chat;

public sealed record StartChatRequest([property: Required] Guid? ParticipantId);

public sealed record PostMessageRequest(
    [property: Required, MinLength(1), MaxLength(ChatMessage.MaxTextLength)] string Text,
    [property: MaxLength(100)] string? ClientMessageId);

public sealed record EditMessageRequest([property: Required, MinLength(1), MaxLength(ChatMessage.MaxTextLength)] string Text);

public sealed record MarkReadRequest(Guid? MessageId);

public sealed record MuteRoomRequest([property: Required] bool? Muted);

/// <summary><c>?before=&amp;after=&amp;limit=</c>: message ids as cursors; newest page when neither is given.</summary>
public sealed record MessageQuery
{
    public const int DefaultLimit = 50;

    public Guid? Before { get; init; }

    public Guid? After { get; init; }

    [Range(1, 200)]
    public int? Limit { get; init; }

    public int Take => Limit ?? DefaultLimit;
}

public sealed record ChatRoomQuery
{
    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

/// <summary>A person in the room; <see cref="AvatarUrl"/> is their picture's address, null until they upload one.</summary>
public sealed record ChatParticipantResponse(Guid Id, string FullName, string Role, DateTimeOffset? LastReadAt, string? AvatarUrl);

public sealed record ChatRoomResponse(
    Guid Id,
    ChatRoomKind Kind,
    string Title,
    Guid? SubjectId,
    IReadOnlyList<ChatParticipantResponse> Participants,
    int UnreadCount,
    bool Muted,
    ChatMessagePayload? LastMessage,
    DateTimeOffset CreatedAt);

/// <summary>
/// A room as the room list (<c>GET /api/chat/rooms</c>) shows it: what a row of the list needs. Who is in the room and
/// how far each has read come with the room itself (<see cref="ChatRoomResponse"/>, <c>GET /api/chat/rooms/{id}</c>).
/// A direct room's <see cref="AvatarUrl"/> is the other person's picture (null when they have none, and for subject rooms).
/// </summary>
public sealed record ChatRoomSummary(
    Guid Id,
    ChatRoomKind Kind,
    string Title,
    Guid? SubjectId,
    int UnreadCount,
    bool Muted,
    ChatMessagePayload? LastMessage,
    DateTimeOffset CreatedAt,
    string? AvatarUrl);

/// <summary>Messages oldest first; <see cref="HasMore"/> says whether more lie beyond the page in the direction asked.</summary>
public sealed record ChatMessagePage(IReadOnlyList<ChatMessagePayload> Items, bool HasMore);
