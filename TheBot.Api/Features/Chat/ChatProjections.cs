using System.Linq.Expressions;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
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
}
