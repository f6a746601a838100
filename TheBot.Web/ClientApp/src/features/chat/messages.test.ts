import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatRoom, ChatRoomSummary } from './chatApi';
import {
  applyNewMessage,
  applyReadToRoom,
  applyRoomRead,
  isReadByOthers,
  lastStoredId,
  markDeleted,
  mergeMessages,
  pendingMessage,
  totalUnread,
} from './messages';

const me = 'me';
function message(id: string, minute: number, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id,
    roomId: 'r1',
    author: { id: 'other', fullName: 'Other', role: 'teacher' },
    text: `text ${id}`,
    clientMessageId: null,
    createdAt: new Date(Date.UTC(2026, 11, 1, 10, minute)).toISOString(),
    editedAt: null,
    edited: false,
    deleted: false,
    ...extra,
  };
}
function room(id: string, unreadCount: number, extra: Partial<ChatRoomSummary> = {}): ChatRoomSummary {
  return {
    id,
    kind: 'direct',
    title: id,
    subjectId: null,
    unreadCount,
    muted: false,
    lastMessage: null,
    createdAt: '2026-12-01T09:00:00Z',
    avatarUrl: null,
    ...extra,
  };
}
function openRoom(id: string, unreadCount: number): ChatRoom {
  return {
    ...room(id, unreadCount),
    participants: [
      { id: me, fullName: 'Me', role: 'student', lastReadAt: null, avatarUrl: null },
      { id: 'other', fullName: 'Other', role: 'teacher', lastReadAt: null, avatarUrl: null },
    ],
  };
}

describe('merging live and paged messages', () => {
  it('keeps one copy per id, oldest first, whatever order pages and events arrive in', () => {
    const page = [message('b', 2), message('c', 3)];
    const older = [message('a', 1), message('b', 2)];
    const live = [message('d', 4), message('c', 3)];
    const merged = mergeMessages(mergeMessages(mergeMessages([], page), live), older);
    expect(merged.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the latest edit and never resurrects a deleted message', () => {
    const edited = message('a', 1, { text: 'new', edited: true, editedAt: '2026-12-01T10:05:00Z' });
    expect(mergeMessages([edited], [message('a', 1)])[0]?.text).toBe('new');
    const deleted = markDeleted([message('a', 1)], 'a');
    expect(deleted[0]).toMatchObject({ deleted: true, text: '' });
    expect(mergeMessages(deleted, [message('a', 1)])[0]?.deleted).toBe(true);
  });

  it('replaces a pending message with the stored one of the same clientMessageId', () => {
    const pending = message('pending:c-1', 9, { clientMessageId: 'c-1', pending: true, author: { id: me, fullName: 'Me', role: 'student' } });
    const withPending = mergeMessages([message('a', 1)], [pending]);
    expect(withPending.map((m) => m.id)).toEqual(['a', 'pending:c-1']);
    expect(lastStoredId(withPending)).toBe('a');
    const stored = message('s', 2, { clientMessageId: 'c-1', author: { id: me, fullName: 'Me', role: 'student' } });
    // The live event may come before the POST answer; either way one message remains.
    const merged = mergeMessages(withPending, [stored]);
    expect(merged.map((m) => m.id)).toEqual(['a', 's']);
    expect(mergeMessages(merged, [stored]).map((m) => m.id)).toEqual(['a', 's']);
    expect(lastStoredId(merged)).toBe('s');
  });

  it('shows a message being sent with its file named but not yet downloadable, until the stored one replaces it', () => {
    const author = { id: me, fullName: 'Me', role: 'student' };
    const file = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    const pending = pendingMessage('r1', author, 'see file', file, 'c-2');
    expect(pending).toMatchObject({ id: 'pending:c-2', pending: true, text: 'see file', attachment: { fileName: 'notes.txt', size: 5, url: '' } });
    expect(pendingMessage('r1', author, 'plain', null, 'c-3').attachment).toBeNull();
    const stored = message('s', 2, { clientMessageId: 'c-2', author });
    expect(mergeMessages([pending], [stored]).map((m) => m.id)).toEqual(['s']);
  });
});

describe('unread counting', () => {
  it('counts messages from others in rooms that are not open, and moves the room to the top', () => {
    const rooms = [room('r0', 0), room('r1', 1)];
    const after = applyNewMessage(rooms, message('x', 5), me, null);
    expect(after.map((r) => [r.id, r.unreadCount])).toEqual([
      ['r1', 2],
      ['r0', 0],
    ]);
    expect(after[0]?.lastMessage?.id).toBe('x');
  });

  it('does not count my own messages, the open room, or the same message twice', () => {
    const rooms = [room('r1', 0)];
    expect(applyNewMessage(rooms, message('x', 5, { author: { id: me, fullName: 'Me', role: 'student' } }), me, null)[0]?.unreadCount).toBe(0);
    expect(applyNewMessage(rooms, message('x', 5), me, 'r1')[0]?.unreadCount).toBe(0);
    const once = applyNewMessage(rooms, message('x', 5), me, null);
    expect(applyNewMessage(once, message('x', 5), me, null)[0]?.unreadCount).toBe(1);
  });

  it('clears my unread count in the list on my read receipt, not on the receipts of others', () => {
    const rooms = [room('r1', 3), room('r2', 2)];
    const readByOther = applyRoomRead(rooms, { roomId: 'r1', userId: 'other', lastReadMessageId: 'x', readAt: '2026-12-01T10:10:00Z' }, me);
    expect(readByOther.map((r) => r.unreadCount)).toEqual([3, 2]);
    const readByMe = applyRoomRead(readByOther, { roomId: 'r1', userId: me, lastReadMessageId: null, readAt: '2026-12-01T10:11:00Z' }, me);
    expect(readByMe.map((r) => r.unreadCount)).toEqual([0, 2]);
  });

  it('clears my unread count in an open room on my read receipt and records others reading', () => {
    const readByOther = applyReadToRoom(openRoom('r1', 3), { roomId: 'r1', userId: 'other', lastReadMessageId: 'x', readAt: '2026-12-01T10:10:00Z' }, me);
    expect(readByOther.unreadCount).toBe(3);
    const mine = message('m', 8, { author: { id: me, fullName: 'Me', role: 'student' } });
    expect(isReadByOthers(mine, readByOther.participants)).toBe(true);
    expect(isReadByOthers(message('n', 12, { author: { id: me, fullName: 'Me', role: 'student' } }), readByOther.participants)).toBe(false);
    const readByMe = applyReadToRoom(readByOther, { roomId: 'r1', userId: me, lastReadMessageId: null, readAt: '2026-12-01T10:11:00Z' }, me);
    expect(readByMe.unreadCount).toBe(0);
  });

  it('totals unread messages of unmuted rooms', () => {
    expect(totalUnread([room('a', 2), room('b', 3, { muted: true }), room('c', 1)])).toBe(3);
  });
});
