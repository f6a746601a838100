using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Subjects;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Chat;

public enum ChatRoomKind
{
    Direct,
    Subject,
}

/// <summary>
/// A conversation: a direct room between two people (<see cref="DirectKey"/> makes it unique per pair),
/// or a subject room of a teacher with the students actively enrolled with them in one subject.
/// </summary>
public sealed class ChatRoom
{
    public Guid Id { get; set; }

    public ChatRoomKind Kind { get; set; }

    /// <summary>Direct rooms: the two user ids, smaller first, "a:b". Unique.</summary>
    public string? DirectKey { get; set; }

    /// <summary>Subject rooms: the subject and the teacher (unique together).</summary>
    public Guid? SubjectId { get; set; }

    public Subject? Subject { get; set; }

    public Guid? TeacherId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the newest message was posted (for ordering the room list).</summary>
    public DateTimeOffset? LastMessageAt { get; set; }

    /// <summary>
    /// The <see cref="ChatMessage.Sequence"/> of the newest message (0: none). A post increments it and takes
    /// the new value as its message's sequence in the same statement, so a room's sequences run 1, 2, 3… without
    /// gaps: the newest message is found by key, and <c>LastSequence − LastReadSequence</c> is how many messages
    /// follow a reader's position (see <see cref="ChatUnreadCounts"/>).
    /// </summary>
    public long LastSequence { get; set; }

    /// <summary>
    /// The highest <see cref="ChatMessage.Sequence"/> of a deleted message (0: none): a reader whose position is at or
    /// past it has no deleted message to take off their unread count, so the room list skips counting them.
    /// </summary>
    public long LastDeletedSequence { get; set; }

    // The newest message (sequence LastSequence) as the room list shows it, kept by the statements that write the
    // room's newest message: a post sets it (ChatMessageStore), an edit and a delete of that message change it
    // (ChatMessageEditing, ChatMessageDeletion). The list reads it with the room instead of looking the message up in
    // chat_messages; its author's name and role are still read from users (a rename shows at once). All null: no message.

    /// <summary>The newest message's id (null: the room has none).</summary>
    public Guid? LastMessageId { get; set; }

    public Guid? LastMessageAuthorId { get; set; }

    /// <summary>The newest message's text ("" once it is deleted).</summary>
    public string? LastMessageText { get; set; }

    public string? LastMessageClientMessageId { get; set; }

    public DateTimeOffset? LastMessageCreatedAt { get; set; }

    public DateTimeOffset? LastMessageEditedAt { get; set; }

    public DateTimeOffset? LastMessageDeletedAt { get; set; }

    /// <summary>The newest message's file: name, type and size (null: none, or the message is deleted).</summary>
    public string? LastMessageAttachmentName { get; set; }

    public string? LastMessageAttachmentContentType { get; set; }

    public long? LastMessageAttachmentSize { get; set; }

    public List<ChatParticipant> Participants { get; set; } = [];

    public List<ChatMessage> Messages { get; set; } = [];

    public static string DirectKeyOf(Guid a, Guid b) =>
        a.CompareTo(b) < 0 ? $"{a:N}:{b:N}" : $"{b:N}:{a:N}";
}

/// <summary>
/// A user in a room: what they have read (by message sequence) and whether they muted it. Nothing here
/// changes when someone else posts: unread counts are arithmetic on sequences (<see cref="ChatUnreadCounts"/>).
/// </summary>
public sealed class ChatParticipant
{
    public Guid RoomId { get; set; }

    public ChatRoom? Room { get; set; }

    public Guid UserId { get; set; }

    public User? User { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>The <see cref="ChatMessage.Sequence"/> of the newest message read (0: none).</summary>
    public long LastReadSequence { get; set; }

    public DateTimeOffset? LastReadAt { get; set; }

    /// <summary>
    /// The highest <see cref="ChatMessage.Sequence"/> of this user's own messages in the room (0: none), set by
    /// their posts and on joining: own messages after the read position can only exist when it is past that
    /// position, so the room list counts them only then (a post moves its author's position past it).
    /// </summary>
    public long LastPostedSequence { get; set; }

    public bool Muted { get; set; }
}

/// <summary>
/// A message. <see cref="Sequence"/> (its place in its room: 1, 2, 3…, given by <see cref="ChatRoom.LastSequence"/>)
/// orders messages and is what cursors compare; clients see only ids. A retried send with the same <see cref="ClientMessageId"/> is the same message.
/// </summary>
public sealed class ChatMessage
{
    public const int MaxTextLength = 10_000;

    public Guid Id { get; set; }

    public long Sequence { get; set; }

    public Guid RoomId { get; set; }

    public Guid AuthorId { get; set; }

    public User? Author { get; set; }

    public string Text { get; set; } = "";

    public string? ClientMessageId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    /// <summary>An optional file in the content store (key), with its sanitised name, detected type and size.</summary>
    public string? AttachmentKey { get; set; }

    public string? AttachmentName { get; set; }

    public string? AttachmentContentType { get; set; }

    public long? AttachmentSize { get; set; }
}

internal sealed class ChatRoomConfiguration : IEntityTypeConfiguration<ChatRoom>
{
    public void Configure(EntityTypeBuilder<ChatRoom> builder)
    {
        builder.ToTable("chat_rooms", t => t.HasCheckConstraint(
            "ck_chat_rooms_kind_shape",
            "(kind = 'Direct' AND direct_key IS NOT NULL AND subject_id IS NULL) OR (kind = 'Subject' AND subject_id IS NOT NULL AND teacher_id IS NOT NULL AND direct_key IS NULL)"));
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.DirectKey).HasMaxLength(65);
        builder.Property(r => r.LastMessageText).HasMaxLength(ChatMessage.MaxTextLength);
        builder.Property(r => r.LastMessageClientMessageId).HasMaxLength(100);
        builder.Property(r => r.LastMessageAttachmentName).HasMaxLength(200);
        builder.Property(r => r.LastMessageAttachmentContentType).HasMaxLength(200);
        builder.HasIndex(r => r.DirectKey).IsUnique().HasFilter("direct_key IS NOT NULL");
        builder.HasIndex(r => new { r.SubjectId, r.TeacherId }).IsUnique().HasFilter("subject_id IS NOT NULL");
        builder.HasOne(r => r.Subject).WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.TeacherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Participants).WithOne(p => p.Room).HasForeignKey(p => p.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Messages).WithOne().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChatParticipantConfiguration : IEntityTypeConfiguration<ChatParticipant>
{
    public void Configure(EntityTypeBuilder<ChatParticipant> builder)
    {
        builder.ToTable("chat_participants");
        builder.HasKey(p => new { p.RoomId, p.UserId });
        builder.HasIndex(p => p.UserId);
        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.ToTable("chat_messages", t => t.HasCheckConstraint("ck_chat_messages_text_length", $"char_length(text) <= {ChatMessage.MaxTextLength}"));
        builder.Property(m => m.Text).HasMaxLength(ChatMessage.MaxTextLength);
        builder.Property(m => m.ClientMessageId).HasMaxLength(100);
        builder.Property(m => m.AttachmentKey).HasMaxLength(200);
        builder.Property(m => m.AttachmentName).HasMaxLength(200);
        builder.Property(m => m.AttachmentContentType).HasMaxLength(200);
        builder.HasIndex(m => new { m.RoomId, m.Sequence }).IsUnique();
        // What unread counts subtract from the sequence arithmetic (ChatUnreadCounts): deleted messages after a
        // reader's position, and the reader's own. Both are few, so each room's count is a short index range.
        builder.HasIndex(m => new { m.RoomId, m.Sequence }, "ix_chat_messages_deleted")
            .HasDatabaseName("ix_chat_messages_deleted")
            .HasFilter("deleted_at IS NOT NULL");
        builder.HasIndex(m => new { m.RoomId, m.AuthorId, m.Sequence }).HasFilter("deleted_at IS NULL");
        // A retried send never duplicates: one message per room, author and client message id.
        builder.HasIndex(m => new { m.RoomId, m.AuthorId, m.ClientMessageId })
            .IsUnique()
            .HasFilter("client_message_id IS NOT NULL")
            .HasDatabaseName("ux_chat_messages_client_message_id");
        // Whether a stored file is still referred to (RemoveUnreferencedFilesJob); only messages with a file are indexed.
        builder.HasIndex(m => m.AttachmentKey).HasFilter("attachment_key IS NOT NULL");
        builder.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.DeletedById).OnDelete(DeleteBehavior.Restrict);
    }
}
