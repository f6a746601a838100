import type { ApiClient } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { Schemas } from '../../api/schemas';

export type ModeratedRoom = Schemas['ModeratedRoom'];

export type ModeratedMessagePage = Schemas['ChatMessagePage'];

export type ModeratedMessage = ModeratedMessagePage['items'][number];

export interface RoomFilter {
  search: string;
  memberId: string;
  page: number;
}

export const moderationKey = ['admin', 'chat-moderation'] as const;

export function moderatedRoomsQuery(api: ApiClient, filter: RoomFilter) {
  return {
    queryKey: [...moderationKey, 'rooms', filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<ModeratedRoom>>(
        `/api/admin/chat/rooms${queryString({ search: filter.search, memberId: filter.memberId, page: filter.page, pageSize: 20 })}`,
        { signal },
      ),
  };
}

/** A page of a room's messages (each read is recorded in the audit log); `before` pages back from a message. */
export function moderatedMessagesQuery(api: ApiClient, roomId: string, before: string | null) {
  return {
    queryKey: [...moderationKey, 'messages', roomId, before] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<ModeratedMessagePage>(
        `/api/admin/chat/rooms/${encodeURIComponent(roomId)}/messages${queryString({ before, limit: 50 })}`,
        { signal },
      ),
    // Every fetch is an audited read: never refetch behind the admin's back.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  };
}

export function deleteModeratedMessage(api: ApiClient, roomId: string, messageId: string): Promise<void> {
  return api.delete(`/api/admin/chat/rooms/${encodeURIComponent(roomId)}/messages/${encodeURIComponent(messageId)}`);
}
