using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Audit;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// Admins moderate chat: browse every room, read one, delete a message (the same deletion as the author's, so
/// unread counts and live events follow). Each read of a room and each deletion is recorded in the audit log.
/// </summary>
public static class ChatModerationApi
{
    public static IEndpointRouteBuilder MapChatModerationApi(this IEndpointRouteBuilder api)
    {
        var rooms = api.MapGroup("/admin/chat/rooms").WithTags("Admin: chat moderation").RequireRoles(UserRole.Admin);
        rooms.MapGet("/", ListRoomsAsync).WithName("ListModeratedChatRooms")
            .WithSummary("Every chat room, most recent first; filter by a member or a search on members' names");
        rooms.MapGet("/{id:guid}/messages", ListMessagesAsync).WithName("ReadModeratedChatRoom")
            .WithSummary("A room's messages, as its members read them (recorded in the audit log)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        rooms.MapDelete("/{id:guid}/messages/{messageId:guid}", DeleteMessageAsync).WithName("ModerateChatMessage")
            .WithSummary("Delete a message of any room (recorded in the audit log)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<PagedResult<ModeratedRoom>>> ListRoomsAsync([AsParameters] ModeratedRoomQuery query, TheBotDbContext db, CancellationToken ct)
    {
        var rooms = db.ChatRooms.AsNoTracking();
        if (query.MemberId is { } memberId)
        {
            rooms = rooms.Where(r => db.ChatParticipants.Any(p => p.RoomId == r.Id && p.UserId == memberId));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = SearchPattern.Containing(query.Search);
            var matching = db.Users.Where(u => EF.Functions.ILike(u.FullName, pattern, SearchPattern.EscapeCharacter) || EF.Functions.ILike(u.Email!, pattern, SearchPattern.EscapeCharacter)).Select(u => u.Id);
            rooms = rooms.Where(r => db.ChatParticipants.Any(p => p.RoomId == r.Id && matching.Contains(p.UserId)));
        }

        var page = await rooms
            .OrderByDescending(r => r.LastMessageAt ?? r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new ModeratedRoom(
                r.Id, r.Kind, r.Subject == null ? null : r.Subject.Name,
                r.Participants.OrderBy(p => p.User!.FullName).Select(p => new ModeratedRoomMember(p.UserId, p.User!.FullName, p.User.Role)).ToList(),
                r.LastSequence, r.CreatedAt, r.LastMessageAt))
            .ToPageAsync(query.Paging, ct);
        return TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<ChatMessagePage>, ValidationProblem, ProblemHttpResult>> ListMessagesAsync(
        Guid id, [AsParameters] MessageQuery query, TheBotDbContext db, AuditTrail audit, CancellationToken ct)
    {
        if (await LabelAsync(db, id, ct) is not { } label)
        {
            return ApiProblems.NotFound("The chat room");
        }

        var result = await ChatApi.MessagePageAsync(db, id, query, ct);
        if (result.Result is Ok<ChatMessagePage> read)
        {
            // The read is recorded once it has happened; what was shown is named by its first and last message.
            audit.Record(ChatMessageDeletion.RoomEntity, id, label, "read-messages",
                AuditFieldChange.Of("messages", null, read.Value!.Items.Count),
                AuditFieldChange.Of("firstMessageId", null, read.Value.Items.Count > 0 ? read.Value.Items[0].Id : null),
                AuditFieldChange.Of("lastMessageId", null, read.Value.Items.Count > 0 ? read.Value.Items[^1].Id : null));
            await db.SaveChangesAsync(ct);
        }

        return result;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteMessageAsync(
        Guid id, Guid messageId, CurrentUser caller, [AsParameters] ChatServices services, AuditTrail audit, CancellationToken ct)
    {
        var (db, realtime, clock) = services;
        var message = await db.ChatMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId && m.RoomId == id, ct);
        if (message is null)
        {
            return ApiProblems.NotFound("The message");
        }

        var deletedAt = clock.GetUtcNow();
        if (message.DeletedAt is null && await ChatMessageDeletion.DeleteAuditedAsync(db, audit, message, caller.Id, deletedAt, ct))
        {
            await ChatMessageDeletion.AnnounceAsync(realtime, id, messageId, caller.Id, deletedAt, ct);
        }

        return TypedResults.NoContent();
    }

    /// <summary>The room's readable name: its subject (if any) and its members' names; null when there is no such room.</summary>
    private static async Task<string?> LabelAsync(TheBotDbContext db, Guid id, CancellationToken ct)
    {
        var room = await db.ChatRooms.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { Subject = r.Subject == null ? null : r.Subject.Name, Names = r.Participants.OrderBy(p => p.User!.FullName).Select(p => p.User!.FullName).Take(6).ToList() })
            .FirstOrDefaultAsync(ct);
        return room is null ? null : (room.Subject is null ? "" : room.Subject + ": ") + string.Join(", ", room.Names);
    }
}
