using System.Linq.Expressions;
using TheBot.Api.Features.Users;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Chat;

internal static class ChatProjections
{
    public static readonly Expression<Func<ChatMessage, ChatMessagePayload>> ToPayload = m => new ChatMessagePayload(
        m.Id,
        m.RoomId,
        new ChatAuthor(m.AuthorId, m.Author!.FullName, UserRoleNames.ToName(m.Author.Role)),
        m.DeletedAt == null ? m.Text : "",
        m.ClientMessageId,
        m.CreatedAt,
        m.EditedAt,
        m.EditedAt != null,
        m.DeletedAt != null,
        m.AttachmentKey == null || m.DeletedAt != null
            ? null
            : new ChatAttachment(m.AttachmentName!, m.AttachmentContentType!, m.AttachmentSize!.Value, "/api/chat/rooms/" + m.RoomId + "/messages/" + m.Id + "/attachment"));

    /// <summary>One room as the caller sees it: unread count and last message come from the same SQL query.</summary>
    public static Expression<Func<ChatParticipant, ChatRoomResponse>> ToRoom(Guid me) => p => new ChatRoomResponse(
        p.RoomId,
        p.Room!.Kind,
        p.Room.Kind == ChatRoomKind.Subject
            ? p.Room.Subject!.Name
            : p.Room.Participants.Where(o => o.UserId != me).Select(o => o.User!.FullName).FirstOrDefault() ?? "",
        p.Room.SubjectId,
        p.Room.Participants
            .OrderBy(o => o.JoinedAt).ThenBy(o => o.UserId)
            .Select(o => new ChatParticipantResponse(o.UserId, o.User!.FullName, UserRoleNames.ToName(o.User.Role), o.LastReadAt))
            .ToList(),
        p.Room.Messages.Count(m => m.Sequence > p.LastReadSequence && m.AuthorId != me && m.DeletedAt == null),
        p.Muted,
        p.Room.Messages
            .OrderByDescending(m => m.Sequence)
            .Select(m => new ChatMessagePayload(
                m.Id,
                m.RoomId,
                new ChatAuthor(m.AuthorId, m.Author!.FullName, UserRoleNames.ToName(m.Author.Role)),
                m.DeletedAt == null ? m.Text : "",
                m.ClientMessageId,
                m.CreatedAt,
                m.EditedAt,
                m.EditedAt != null,
                m.DeletedAt != null,
                m.AttachmentKey == null || m.DeletedAt != null
                    ? null
                    : new ChatAttachment(m.AttachmentName!, m.AttachmentContentType!, m.AttachmentSize!.Value, "/api/chat/rooms/" + m.RoomId + "/messages/" + m.Id + "/attachment")))
            .FirstOrDefault(),
        p.Room.CreatedAt);
}
