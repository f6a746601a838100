using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TheBot.Api.Data;
using TheBot.Api.Features.Audit;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Realtime;
using TheBot.Api.Platform.Storage;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Chat;

public static class ChatApi
{
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder api)
    {
        var chat = api.MapGroup("/chat/rooms").WithTags("Chat");
        chat.MapGet("/", ListRoomsAsync).RequireSignedIn()
            .WithName("ListChatRooms").WithSummary("My chat rooms, most recent first, each with its unread count and last message");
        chat.MapPost("/", StartAsync).RequireSignedIn()
            .WithName("StartChat").WithSummary("Get or create the direct room with a person I may chat with")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        chat.MapGet("/{id:guid}", GetRoomAsync).RequireSignedIn()
            .WithName("GetChatRoom").WithSummary("One of my rooms")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        chat.MapPut("/{id:guid}/mute", MuteAsync).RequireSignedIn()
            .WithName("MuteChatRoom").WithSummary("Mute or unmute a room (no new-message notifications)");
        chat.MapGet("/{id:guid}/messages", ListMessagesAsync).RequireSignedIn()
            .WithName("ListChatMessages").WithSummary("Messages oldest first: the newest page, or before / after a message id (catch-up after reconnecting)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        chat.MapPost("/{id:guid}/messages", PostMessageAsync).RequireSignedIn().RequireRateLimiting(ChatPostLimiter.Policy)
            .WithName("PostChatMessage").WithSummary("Send a message; a retry with the same clientMessageId returns the stored one")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        chat.MapPost("/{id:guid}/attachments", PostAttachmentAsync).RequireSignedIn().RequireRateLimiting(ChatPostLimiter.Policy)
            .WithName("PostChatAttachment").WithSummary("Send a message with a file (multipart: file, optional text and clientMessageId)")
            .AcceptsFileUpload("text", "clientMessageId")
            .Produces<ChatMessagePayload>(StatusCodes.Status201Created).Produces<ChatMessagePayload>(StatusCodes.Status200OK)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        chat.MapGet("/{id:guid}/messages/{messageId:guid}/attachment", DownloadAttachmentAsync).RequireSignedIn()
            .WithName("DownloadChatAttachment").WithSummary("The file attached to a message")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        chat.MapPatch("/{id:guid}/messages/{messageId:guid}", EditMessageAsync).RequireSignedIn()
            .WithName("EditChatMessage").WithSummary("Change the text of my message")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        chat.MapDelete("/{id:guid}/messages/{messageId:guid}", DeleteMessageAsync).RequireSignedIn()
            .WithName("DeleteChatMessage").WithSummary("Delete a message (its author, or an admin)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        chat.MapPost("/{id:guid}/read", MarkReadAsync).RequireSignedIn()
            .WithName("MarkChatRoomRead").WithSummary("I have read the room up to a message (default: its newest)");
        return api;
    }

    private static async Task<Ok<PagedResult<ChatRoomSummary>>> ListRoomsAsync(
        [AsParameters] ChatRoomQuery query, CurrentUser caller, TheBotDbContext db, ChatMembershipCache membership, CancellationToken ct)
    {
        var me = caller.Id;
        var page = await ChatRoomList.PageAsync(db, me, query.Paging, ct);
        // Clients list rooms when they (re)connect: the moment to heal realtime's membership cache.
        if (page.TotalCount > 0)
        {
            // Closed direct rooms stay out of realtime's set (ChatRooms.RecheckDirectRoomsAsync). The rule's expression
            // is built only when the set has to be rebuilt, not on every list.
            await membership.EnsureAsync(me, () =>
            {
                var mayChat = ChatAccess.MayChatWith(db, me, caller.Role);
                return db.ChatParticipants
                    .Where(p => p.UserId == me && (p.Room!.Kind == ChatRoomKind.Subject
                        || db.ChatParticipants.Any(o => o.RoomId == p.RoomId && o.UserId != me && db.Users.Where(mayChat).Any(u => u.Id == o.UserId))))
                    .Select(p => p.RoomId).ToListAsync(ct);
            });
        }

        return TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<ChatRoomResponse>, ProblemHttpResult>> GetRoomAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        if (await AccessAsync(db, id, caller, ct) is { } refused)
        {
            return refused;
        }

        return await RoomAsync(db, id, caller.Id, ct) is { } room ? TypedResults.Ok(room) : RoomNotFound();
    }

    private static async Task<Results<Created<ChatRoomResponse>, Ok<ChatRoomResponse>, ValidationProblem, ProblemHttpResult>> StartAsync(
        StartChatRequest request, CurrentUser caller, TheBotDbContext db, ChatRooms rooms, TimeProvider clock, CancellationToken ct)
    {
        var me = caller.Id;
        var otherId = request.ParticipantId!.Value;
        if (otherId == me)
        {
            return ApiProblems.Invalid("participantId", "You cannot start a chat with yourself.");
        }

        if (!await db.Users.AnyAsync(u => u.Id == otherId && u.IsActive, ct))
        {
            return ApiProblems.NotFound("The person");
        }

        // Checked for an existing room too: reopening one is starting it again.
        if (!await ChatAccess.CanStartDirectAsync(db, me, caller.Role, otherId, ct))
        {
            return ApiProblems.Forbidden("You may not start a chat with this person.");
        }

        var key = ChatRoom.DirectKeyOf(me, otherId);
        if (await db.ChatRooms.Where(r => r.DirectKey == key).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct) is { } existingId)
        {
            return TypedResults.Ok((await RoomAsync(db, existingId, me, ct))!);
        }

        var now = clock.GetUtcNow();
        var room = new ChatRoom
        {
            Id = Guid.CreateVersion7(),
            Kind = ChatRoomKind.Direct,
            DirectKey = key,
            CreatedAt = now,
            Participants =
            {
                new ChatParticipant { UserId = me, JoinedAt = now },
                new ChatParticipant { UserId = otherId, JoinedAt = now },
            },
        };
        db.ChatRooms.Add(room);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The other person opened the same room at the same moment.
            db.ChangeTracker.Clear();
            var id = await db.ChatRooms.Where(r => r.DirectKey == key).Select(r => r.Id).FirstAsync(ct);
            return TypedResults.Ok((await RoomAsync(db, id, me, ct))!);
        }

        await rooms.AnnounceAsync(room.Id, [me, otherId], [], ct);
        return TypedResults.Created($"/api/chat/rooms/{room.Id}", (await RoomAsync(db, room.Id, me, ct))!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MuteAsync(
        Guid id, MuteRoomRequest request, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var me = caller.Id;
        var changed = await db.ChatParticipants.Where(p => p.RoomId == id && p.UserId == me)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Muted, request.Muted!.Value), ct);
        return changed == 0 ? RoomNotFound() : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ChatMessagePage>, ValidationProblem, ProblemHttpResult>> ListMessagesAsync(
        Guid id, [AsParameters] MessageQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        if (await AccessAsync(db, id, caller, ct) is { } refused)
        {
            return refused;
        }

        return await MessagePageAsync(db, id, query, ct);
    }

    /// <summary>A page of a room's messages (the caller's access already checked): also what moderation reads.</summary>
    internal static async Task<Results<Ok<ChatMessagePage>, ValidationProblem, ProblemHttpResult>> MessagePageAsync(
        TheBotDbContext db, Guid id, MessageQuery query, CancellationToken ct)
    {
        var messages = db.ChatMessages.AsNoTracking().Where(m => m.RoomId == id);
        if (query.After is { } after)
        {
            if (await SequenceOfAsync(db, id, after, ct) is not { } afterSequence)
            {
                return ApiProblems.Invalid("after", "No message of this room has this id.");
            }

            messages = messages.Where(m => m.Sequence > afterSequence);
        }

        if (query.Before is { } before)
        {
            if (await SequenceOfAsync(db, id, before, ct) is not { } beforeSequence)
            {
                return ApiProblems.Invalid("before", "No message of this room has this id.");
            }

            messages = messages.Where(m => m.Sequence < beforeSequence);
        }

        // After a cursor (catch-up): the oldest first. Otherwise: the newest page, read backwards.
        var forward = query.After is not null && query.Before is null;
        var ordered = forward ? messages.OrderBy(m => m.Sequence) : messages.OrderByDescending(m => m.Sequence);
        var page = await ordered.Take(query.Take + 1).Select(ChatAccess.MessagePayload).ToListAsync(ct);
        var hasMore = page.Count > query.Take;
        if (hasMore)
        {
            page.RemoveAt(page.Count - 1);
        }

        if (!forward)
        {
            page.Reverse();
        }

        return TypedResults.Ok(new ChatMessagePage(page, hasMore));
    }

    private static async Task<Results<Created<ChatMessagePayload>, Ok<ChatMessagePayload>, ValidationProblem, ProblemHttpResult>> PostMessageAsync(
        Guid id, PostMessageRequest request, CurrentUser caller, [AsParameters] ChatMessageServices services, CancellationToken ct)
    {
        var me = caller.Id;
        if (await AccessAsync(services.Db, id, caller, ct) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return ApiProblems.Invalid("text", "The message is empty.");
        }

        var (payload, created) = await StoreMessageAsync(services, id, caller, request.Text, request.ClientMessageId, null, ct);
        return created ? TypedResults.Created($"/api/chat/rooms/{id}/messages/{payload.Id}", payload) : TypedResults.Ok(payload);
    }

    /// <summary>multipart/form-data: a <c>file</c> part (≤ 50 MB), optional <c>text</c> and <c>clientMessageId</c> fields.</summary>
    private static async Task<IResult> PostAttachmentAsync(
        Guid id, HttpRequest httpRequest, CurrentUser caller, [AsParameters] ChatMessageServices services,
        [AsParameters] FileUploads uploads, CancellationToken ct)
    {
        var me = caller.Id;
        if (await AccessAsync(services.Db, id, caller, ct) is { } refused)
        {
            return refused;
        }

        var read = await uploads.Reader.ReadAsync(httpRequest, new UploadLimits(MaxFiles: 1, MinFiles: 1, MaxFieldLength: ChatMessage.MaxTextLength), ct);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var form = read.Form!;
        var file = form.Files[0];
        var clientMessageId = form.Field("clientMessageId");
        if (clientMessageId is { Length: > 100 })
        {
            await uploads.Quota.ForgetAsync([file.StorageKey], ct);
            return ApiProblems.Invalid("clientMessageId", "At most 100 characters.");
        }

        var (payload, created) = await StoreMessageAsync(services, id, caller, form.Field("text") ?? "", clientMessageId, file, ct);
        if (!created)
        {
            // A retried upload: the first one's file is the message's.
            await uploads.Quota.ForgetAsync([file.StorageKey], ct);
            return TypedResults.Ok(payload);
        }

        return TypedResults.Created($"/api/chat/rooms/{id}/messages/{payload.Id}", payload);
    }

    private static async Task<IResult> DownloadAttachmentAsync(
        Guid id, Guid messageId, CurrentUser caller, TheBotDbContext db, IContentStore store, CancellationToken ct)
    {
        if (await AccessAsync(db, id, caller, ct) is { } refused)
        {
            return refused;
        }

        var attachment = await db.ChatMessages.AsNoTracking()
            .Where(m => m.RoomId == id && m.Id == messageId && m.DeletedAt == null && m.AttachmentKey != null)
            .Select(m => new { m.AttachmentKey, m.AttachmentName, m.AttachmentContentType })
            .FirstOrDefaultAsync(ct);
        var content = attachment is null ? null : await store.OpenReadAsync(attachment.AttachmentKey!, ct);
        return content is null
            ? ApiProblems.NotFound("The attachment")
            : StorageRegistration.Download(content, attachment!.AttachmentContentType!, attachment.AttachmentName!);
    }

    /// <summary>Stores a message (or finds the one a retry already stored), then tells the room and notifies.</summary>
    private static async Task<(ChatMessagePayload Payload, bool Created)> StoreMessageAsync(
        ChatMessageServices services, Guid id, CurrentUser caller, string text, string? rawClientMessageId, UploadedFile? file, CancellationToken ct)
    {
        var (db, notifications, clock, writer) = services;
        var clientMessageId = string.IsNullOrWhiteSpace(rawClientMessageId) ? null : rawClientMessageId.Trim();
        var message = new ChatMessage
        {
            Id = Guid.CreateVersion7(),
            RoomId = id,
            AuthorId = caller.Id,
            Text = text,
            ClientMessageId = clientMessageId,
            CreatedAt = clock.GetUtcNow(),
            AttachmentKey = file?.StorageKey,
            AttachmentName = file?.FileName,
            AttachmentContentType = file?.ContentType,
            AttachmentSize = file?.Length,
        };
        var attachment = file is null
            ? null
            : new ChatAttachment(file.FileName, file.ContentType, file.Length, $"/api/chat/rooms/{id}/messages/{message.Id}/attachment");
        // Stored (in a batch with the room's other posts that arrived meanwhile) and published in the room's order.
        if (await writer.StoreAsync(message, stored => new ChatMessagePayload(message.Id, id, new ChatAuthor(caller.Id, stored.AuthorName, stored.AuthorRole),
                text, clientMessageId, message.CreatedAt, null, false, false, attachment), ct) is not { } payload)
        {
            // The same send, retried: the first one's message is the answer.
            return ((await ExistingAsync(db, id, caller.Id, clientMessageId!, ct))!, false);
        }

        await notifications.NewMessageAsync(payload, ct);
        return (payload, true);
    }

    private static async Task<Results<Ok<ChatMessagePayload>, ValidationProblem, ProblemHttpResult>> EditMessageAsync(
        Guid id, Guid messageId, EditMessageRequest request, CurrentUser caller, [AsParameters] ChatServices services, CancellationToken ct)
    {
        var (db, realtime, clock) = services;
        var me = caller.Id;
        if (await AccessAsync(db, id, caller, ct) is { } refused)
        {
            return refused;
        }

        var message = await db.ChatMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId && m.RoomId == id, ct);
        if (message is null)
        {
            return ApiProblems.NotFound("The message");
        }

        if (message.AuthorId != me)
        {
            return ApiProblems.Forbidden("Only the author can edit a message.");
        }

        if (message.DeletedAt is not null)
        {
            return ApiProblems.Conflict("The message was deleted.");
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return ApiProblems.Invalid("text", "The message is empty.");
        }

        if (message.Text != request.Text)
        {
            await ChatMessageEditing.EditAsync(db, messageId, request.Text, clock.GetUtcNow(), ct);
        }

        var payload = await db.ChatMessages.AsNoTracking().Where(m => m.Id == messageId).Select(ChatAccess.MessagePayload).FirstAsync(ct);
        await realtime.PublishAsync(ChatEventNames.MessageEdited, RealtimeAudience.ToRoom(id), new MessageEditedEvent(payload), ct);
        return TypedResults.Ok(payload);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteMessageAsync(
        Guid id, Guid messageId, CurrentUser caller, [AsParameters] ChatServices services, AuditTrail audit, CancellationToken ct)
    {
        var (db, realtime, clock) = services;
        var me = caller.Id;
        var admin = caller.IsAdmin;
        // Admins moderate every room; everyone else only sees their own.
        if (!(admin ? await db.ChatRooms.AnyAsync(r => r.Id == id, ct) : await IsParticipantAsync(db, id, me, ct)))
        {
            return RoomNotFound();
        }

        var message = await db.ChatMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId && m.RoomId == id, ct);
        if (message is null)
        {
            return ApiProblems.NotFound("The message");
        }

        if (message.AuthorId != me && !admin)
        {
            return ApiProblems.Forbidden("Only the author or an admin can delete a message.");
        }

        if (message.DeletedAt is not null)
        {
            return TypedResults.NoContent();
        }

        // An admin removing someone else's message moderates: the audit log records it with the deletion.
        var deletedAt = clock.GetUtcNow();
        var deleted = message.AuthorId != me
            ? await ChatMessageDeletion.DeleteAuditedAsync(db, audit, message, me, deletedAt, ct)
            : await ChatMessageDeletion.DeleteAsync(db, messageId, me, deletedAt, ct);
        if (deleted)
        {
            await ChatMessageDeletion.AnnounceAsync(realtime, id, messageId, me, deletedAt, ct);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> MarkReadAsync(
        Guid id, MarkReadRequest? request, CurrentUser caller, [AsParameters] ChatServices services,
        ChatMessageNotifications notifications, CancellationToken ct)
    {
        var (db, realtime, clock) = services;
        var me = caller.Id;
        if (await AccessAsync(db, id, caller, ct) is { } refused)
        {
            return refused;
        }

        var upTo = request?.MessageId is { } messageId
            ? await db.ChatMessages.Where(m => m.RoomId == id && m.Id == messageId).Select(m => new { m.Id, m.Sequence }).FirstOrDefaultAsync(ct)
            : await db.ChatRooms.Where(r => r.Id == id)
                .Join(db.ChatMessages, r => new { RoomId = r.Id, Sequence = r.LastSequence }, m => new { m.RoomId, m.Sequence }, (r, m) => new { m.Id, m.Sequence })
                .FirstOrDefaultAsync(ct);
        if (request?.MessageId is not null && upTo is null)
        {
            return ApiProblems.Invalid("messageId", "No message of this room has this id.");
        }

        var now = clock.GetUtcNow();
        var sequence = upTo?.Sequence ?? 0;
        await ChatUnreadCounts.ReadUpToAsync(db, id, me, sequence, now, ct);
        // Whoever reads the room has seen what its notification announced; the next message raises it again.
        await notifications.RoomReadAsync(id, me, now, ct);
        await realtime.PublishAsync(ChatEventNames.RoomRead, RealtimeAudience.ToRoom(id), new RoomReadEvent(id, me, upTo?.Id, now), ct);
        return TypedResults.NoContent();
    }

    private static Task<bool> IsParticipantAsync(TheBotDbContext db, Guid roomId, Guid userId, CancellationToken ct) =>
        db.ChatParticipants.AnyAsync(p => p.RoomId == roomId && p.UserId == userId, ct);

    /// <summary>
    /// Null when the caller may use the room, else the problem to answer: 404 for a room they are not in,
    /// 403 for a direct room whose relationship has ended (see <see cref="ChatAccess.MayChatWith"/>).
    /// One query, in place of the participant check it extends: posting is the hot path.
    /// </summary>
    private static async Task<ProblemHttpResult?> AccessAsync(TheBotDbContext db, Guid roomId, CurrentUser caller, CancellationToken ct)
    {
        var me = caller.Id;
        var mayChat = ChatAccess.MayChatWith(db, me, caller.Role);
        var open = await db.ChatParticipants
            .Where(p => p.RoomId == roomId && p.UserId == me)
            .Select(p => (bool?)(p.Room!.Kind == ChatRoomKind.Subject
                || db.ChatParticipants.Any(o => o.RoomId == roomId && o.UserId != me && db.Users.Where(mayChat).Any(u => u.Id == o.UserId))))
            .FirstOrDefaultAsync(ct);
        return open switch
        {
            null => RoomNotFound(),
            false => ApiProblems.Forbidden("This conversation is closed: the two of you no longer share a class or a child. Its history is kept."),
            true => null,
        };
    }

    private static Task<long?> SequenceOfAsync(TheBotDbContext db, Guid roomId, Guid messageId, CancellationToken ct) =>
        db.ChatMessages.Where(m => m.RoomId == roomId && m.Id == messageId).Select(m => (long?)m.Sequence).FirstOrDefaultAsync(ct);

    private static Task<ChatMessagePayload?> ExistingAsync(TheBotDbContext db, Guid roomId, Guid authorId, string clientMessageId, CancellationToken ct) =>
        db.ChatMessages.AsNoTracking()
            .Where(m => m.RoomId == roomId && m.AuthorId == authorId && m.ClientMessageId == clientMessageId)
            .Select(ChatAccess.MessagePayload)
            .FirstOrDefaultAsync(ct);

    private static Task<ChatRoomResponse?> RoomAsync(TheBotDbContext db, Guid roomId, Guid me, CancellationToken ct) =>
        ChatRoomList.OneAsync(db, roomId, me, ct);

    private static ProblemHttpResult RoomNotFound() => ApiProblems.NotFound("The chat room");
}

/// <summary>What posting a message needs: the database, the people's notifications, the clock and the rooms' writer (which stores and publishes).</summary>
internal sealed record ChatMessageServices(
    TheBotDbContext Db, ChatMessageNotifications Notifications, TimeProvider Clock, ChatRoomWriter Writer);

/// <summary>What changing a room's messages needs: the database, the live events and the clock.</summary>
internal sealed record ChatServices(TheBotDbContext Db, IRealtimePublisher Realtime, TimeProvider Clock);
