namespace TheBot.Realtime.Contracts;

/// <summary>The author of a chat message as clients show it.</summary>
public sealed record ChatAuthor(Guid Id, string FullName, string Role);

/// <summary>
/// A chat message as both REST (<c>GET /api/chat/rooms/{id}/messages</c>) and the live events carry it.
/// A deleted message keeps its place with <see cref="Deleted"/> set and an empty <see cref="Text"/>.
/// </summary>
public sealed record ChatMessagePayload(
    Guid Id,
    Guid RoomId,
    ChatAuthor Author,
    string Text,
    string? ClientMessageId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool Edited,
    bool Deleted,
    ChatAttachment? Attachment = null);

/// <summary>A file attached to a message; download it (with the bearer token) from <see cref="Url"/>.</summary>
public sealed record ChatAttachment(string FileName, string ContentType, long Size, string Url);

/// <summary><c>messageCreated</c>: to the room, after the message is stored.</summary>
public sealed record MessageCreatedEvent(ChatMessagePayload Message);

/// <summary><c>messageEdited</c>: to the room, after the author changed the text.</summary>
public sealed record MessageEditedEvent(ChatMessagePayload Message);

/// <summary><c>messageDeleted</c>: to the room, after the author or an admin deleted it.</summary>
public sealed record MessageDeletedEvent(Guid RoomId, Guid MessageId, Guid DeletedById, DateTimeOffset DeletedAt);

/// <summary><c>roomRead</c>: to the room, when a participant has read up to (and including) <see cref="LastReadMessageId"/>.</summary>
public sealed record RoomReadEvent(Guid RoomId, Guid UserId, Guid? LastReadMessageId, DateTimeOffset ReadAt);

/// <summary><c>typing</c>: to the room's other participants, when one is typing (ephemeral, at most one a second per user and room).</summary>
public sealed record TypingEvent(Guid RoomId, Guid UserId);

/// <summary><c>presence</c>: to the rooms of a user whose first connection opened or last closed (across replicas).</summary>
public sealed record PresenceEvent(Guid UserId, bool Online, DateTimeOffset At);

/// <summary><c>roomJoined</c>: to the user, when they became a participant of a room (their connections joined its group).</summary>
public sealed record RoomJoinedEvent(Guid RoomId);

/// <summary><c>roomLeft</c>: to the user, when they stopped being a participant (their connections left its group).</summary>
public sealed record RoomLeftEvent(Guid RoomId);

/// <summary>
/// Published by api as the payload of a <see cref="ChatMembership.ChangeEvent"/> envelope on
/// <see cref="RealtimeChannels.Events"/> (never sent to clients): every realtime replica adds or removes its local
/// connections of <see cref="UserId"/> to or from the room's group before it relays the events published after it.
/// </summary>
public sealed record RoomMembershipChange(Guid UserId, Guid RoomId, bool Joined);

public static class ChatEventNames
{
    public const string MessageCreated = "messageCreated";
    public const string MessageEdited = "messageEdited";
    public const string MessageDeleted = "messageDeleted";
    public const string RoomRead = "roomRead";
    public const string Typing = "typing";
    public const string Presence = "presence";
    public const string RoomJoined = "roomJoined";
    public const string RoomLeft = "roomLeft";
}

/// <summary>The Redis keys api and realtime share for chat membership (api writes, realtime reads).</summary>
public static class ChatMembership
{
    /// <summary>
    /// The envelope event that carries a <see cref="RoomMembershipChange"/> on the events channel, in order with the
    /// events (a message right after a join reaches the new member). Realtime applies it; no client receives it.
    /// </summary>
    public const string ChangeEvent = "$roomMembershipChanged";

    /// <summary>A Redis set of the room ids (as "D" strings) the user participates in.</summary>
    public static string UserRoomsKey(Guid userId) => $"thebot:chat:user-rooms:{userId:D}";

    /// <summary>A counter of the user's connections that have the room open (set by the hub's OpenRoom/CloseRoom).</summary>
    public static string ViewingKey(Guid roomId, Guid userId) => $"thebot:chat:viewing:{roomId:D}:{userId:D}";

    /// <summary>A sorted set of the user's live connection ids, scored by expiry (Unix ms), across replicas.</summary>
    public static string PresenceKey(Guid userId) => $"thebot:presence:{userId:D}";
}
