import type { ChatAuthor, ChatMessage, ChatParticipant, ChatRoom, ChatRoomSummary, RoomReadEvent } from './chatApi';

/** Message order: by creation time, then id (ids are time-ordered UUIDv7s); pending ones last. */
function compare(a: ChatMessage, b: ChatMessage): number {
  if ((a.pending ?? false) !== (b.pending ?? false)) {
    return a.pending ? 1 : -1;
  }
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (byTime !== 0) {
    return byTime;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Which of two copies of one message is more current: a deletion or a later edit wins. */
function newer(current: ChatMessage, incoming: ChatMessage): ChatMessage {
  if (current.deleted && !incoming.deleted) {
    return current;
  }
  if (incoming.deleted) {
    return incoming;
  }
  const currentEdit = current.editedAt === null ? 0 : Date.parse(current.editedAt);
  const incomingEdit = incoming.editedAt === null ? 0 : Date.parse(incoming.editedAt);
  return incomingEdit >= currentEdit ? incoming : current;
}

/**
 * Merges messages from any source (a page, a catch-up, a live event, a send's answer) into the list:
 * one entry per id, the most current copy kept, a pending message replaced by the stored one with the
 * same clientMessageId, everything oldest first.
 */
export function mergeMessages(existing: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const byId = new Map<string, ChatMessage>();
  for (const message of existing) {
    byId.set(message.id, message);
  }
  const storedClientIds = new Set<string>();
  for (const message of incoming) {
    const current = byId.get(message.id);
    byId.set(message.id, current === undefined ? message : newer(current, message));
    if (!message.pending && message.clientMessageId) {
      storedClientIds.add(message.clientMessageId);
    }
  }
  for (const message of byId.values()) {
    if (!message.pending && message.clientMessageId) {
      storedClientIds.add(message.clientMessageId);
    }
  }
  return [...byId.values()]
    .filter((message) => !(message.pending && message.clientMessageId !== null && storedClientIds.has(message.clientMessageId)))
    .sort(compare);
}

/** A message as it shows while it is being sent: the stored one with the same clientMessageId replaces it. */
export function pendingMessage(roomId: string, author: ChatAuthor, text: string, file: File | null, clientMessageId: string): ChatMessage {
  return {
    id: `pending:${clientMessageId}`,
    roomId,
    author,
    text,
    clientMessageId,
    createdAt: new Date().toISOString(),
    editedAt: null,
    edited: false,
    deleted: false,
    pending: true,
    attachment: file === null ? null : { fileName: file.name, contentType: file.type, size: file.size, url: '' },
  };
}

/** Marks one message deleted in place (a deleted message keeps its place with no text). */
export function markDeleted(messages: readonly ChatMessage[], messageId: string): ChatMessage[] {
  return messages.map((message) => (message.id === messageId ? { ...message, deleted: true, text: '' } : message));
}

/** The newest stored (not pending) message id: the catch-up cursor. */
export function lastStoredId(messages: readonly ChatMessage[]): string | null {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index];
    if (message !== undefined && !message.pending) {
      return message.id;
    }
  }
  return null;
}

/**
 * A new message in the room list: it becomes the room's last message, the room moves to the top, and
 * it counts as unread unless I wrote it or the room is on my screen. Unknown rooms are left alone
 * (the list is fetched again for those).
 */
export function applyNewMessage(
  rooms: readonly ChatRoomSummary[],
  message: ChatMessage,
  me: string,
  openRoomId: string | null,
): ChatRoomSummary[] {
  const room = rooms.find((item) => item.id === message.roomId);
  if (room === undefined) {
    return [...rooms];
  }
  if (room.lastMessage !== null && room.lastMessage.id === message.id) {
    return [...rooms];
  }
  const unread = message.author.id !== me && message.roomId !== openRoomId ? room.unreadCount + 1 : room.unreadCount;
  const updated: ChatRoomSummary = { ...room, lastMessage: message, unreadCount: unread };
  return [updated, ...rooms.filter((item) => item.id !== room.id)];
}

/** A read receipt in the room list: mine clears the room's unread count (the list does not show who read what). */
export function applyRoomRead(rooms: readonly ChatRoomSummary[], event: RoomReadEvent, me: string): ChatRoomSummary[] {
  return rooms.map((room) => (room.id === event.roomId && event.userId === me ? { ...room, unreadCount: 0 } : room));
}

/** A read receipt in an open room: mine clears its unread count; anyone's moves their lastReadAt forward. */
export function applyReadToRoom(room: ChatRoom, event: RoomReadEvent, me: string): ChatRoom {
  return {
    ...room,
    unreadCount: event.userId === me ? 0 : room.unreadCount,
    participants: room.participants.map((participant) =>
      participant.id === event.userId && (participant.lastReadAt === null || Date.parse(participant.lastReadAt) < Date.parse(event.readAt))
        ? { ...participant, lastReadAt: event.readAt }
        : participant,
    ),
  };
}

/** Unread messages across all rooms (muted rooms do not count), for the navigation badge. */
export function totalUnread(rooms: readonly ChatRoomSummary[]): number {
  return rooms.reduce((sum, room) => sum + (room.muted ? 0 : room.unreadCount), 0);
}

/** True when someone other than the author has read up to (or past) this message. */
export function isReadByOthers(message: ChatMessage, participants: readonly ChatParticipant[]): boolean {
  const created = Date.parse(message.createdAt);
  return participants.some(
    (participant) => participant.id !== message.author.id && participant.lastReadAt !== null && Date.parse(participant.lastReadAt) >= created,
  );
}
