import type { ApiClient, DownloadedFile } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { Schemas } from '../../api/schemas';

export type ChatAuthor = Schemas['ChatAuthor'];

/** A message as the API sends it; `pending` marks one the SPA shows before the API has it. */
export type ChatMessage = Schemas['ChatMessagePayload'] & { pending?: boolean };

export type ChatParticipant = Schemas['ChatParticipantResponse'];

/** Rooms and pages hold ChatMessage: the SPA puts its pending messages among them. */
export type ChatRoom = Omit<Schemas['ChatRoomResponse'], 'lastMessage'> & { lastMessage: ChatMessage | null };

/** A room as the room list shows it (no participants: those come with the room, `roomQuery`). */
export type ChatRoomSummary = Omit<Schemas['ChatRoomSummary'], 'lastMessage'> & { lastMessage: ChatMessage | null };

export type ChatMessagePage = Omit<Schemas['ChatMessagePage'], 'items'> & { items: ChatMessage[] };

export interface MessageEvent {
  message: ChatMessage;
}

export interface MessageDeletedEvent {
  roomId: string;
  messageId: string;
  deletedById: string;
  deletedAt: string;
}

export interface RoomReadEvent {
  roomId: string;
  userId: string;
  lastReadMessageId: string | null;
  readAt: string;
}

export interface TypingEvent {
  roomId: string;
  userId: string;
}

export const chatKey = ['chat'] as const;
export const roomsKey = [...chatKey, 'rooms'] as const;

export type ChatContact = Schemas['ChatContactResponse'];

/** The most contacts one picker shows; past it, the picker searches on the server. */
export const CONTACTS_PAGE_SIZE = 100;

/** People the caller may start a chat with (the server applies the same rules as starting one), by name. */
export function chatContactsQuery(api: ApiClient, search: string) {
  return {
    queryKey: [...chatKey, 'contacts', search] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<ChatContact>>(
        `/api/chat/contacts${queryString({ search: search === '' ? undefined : search, pageSize: CONTACTS_PAGE_SIZE })}`,
        { signal },
      ),
  };
}

export function roomsQuery(api: ApiClient) {
  return {
    queryKey: roomsKey,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<ChatRoomSummary>>(`/api/chat/rooms${queryString({ pageSize: 100 })}`, { signal }),
  };
}

export function roomQuery(api: ApiClient, roomId: string) {
  return {
    queryKey: [...chatKey, 'room', roomId] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<ChatRoom>(`/api/chat/rooms/${encodeURIComponent(roomId)}`, { signal }),
  };
}

export function fetchMessages(
  api: ApiClient,
  roomId: string,
  cursor: { before?: string; after?: string; limit?: number } = {},
): Promise<ChatMessagePage> {
  return api.get<ChatMessagePage>(`/api/chat/rooms/${encodeURIComponent(roomId)}/messages${queryString({ ...cursor })}`);
}

export function startDirectChat(api: ApiClient, participantId: string): Promise<ChatRoom> {
  return api.post<ChatRoom>('/api/chat/rooms', { participantId });
}

export function postMessage(api: ApiClient, roomId: string, text: string, clientMessageId: string): Promise<ChatMessage> {
  return api.post<ChatMessage>(`/api/chat/rooms/${encodeURIComponent(roomId)}/messages`, { text, clientMessageId });
}

/** A message carrying a file (≤ 50 MB); idempotent by clientMessageId like a text message. */
export function postAttachment(api: ApiClient, roomId: string, file: File, text: string, clientMessageId: string): Promise<ChatMessage> {
  const form = new FormData();
  form.append('text', text);
  form.append('clientMessageId', clientMessageId);
  form.append('file', file, file.name);
  return api.post<ChatMessage>(`/api/chat/rooms/${encodeURIComponent(roomId)}/attachments`, form);
}

/** The attachment's own address, as the message gives it (only participants may fetch it). */
export function downloadAttachment(api: ApiClient, url: string): Promise<DownloadedFile> {
  return api.download(url);
}

export function editMessage(api: ApiClient, roomId: string, messageId: string, text: string): Promise<ChatMessage> {
  return api.patch<ChatMessage>(`/api/chat/rooms/${encodeURIComponent(roomId)}/messages/${encodeURIComponent(messageId)}`, { text });
}

export function deleteMessage(api: ApiClient, roomId: string, messageId: string): Promise<void> {
  return api.delete(`/api/chat/rooms/${encodeURIComponent(roomId)}/messages/${encodeURIComponent(messageId)}`);
}

export function markRoomRead(api: ApiClient, roomId: string, messageId?: string): Promise<void> {
  return api.post(`/api/chat/rooms/${encodeURIComponent(roomId)}/read`, { messageId: messageId ?? null });
}
