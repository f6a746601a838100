import { useQueryClient } from '@tanstack/react-query';
import type { PagedResult } from '../../api/paging';
import { useAuth } from '../../auth/useAuth';
import { useRealtimeEvent, useRealtimeReconnected } from '../../realtime/useRealtimeEvent';
import { chatKey, roomsKey, type ChatRoomSummary, type MessageEvent, type RoomReadEvent } from './chatApi';
import { applyNewMessage, applyRoomRead } from './messages';

/** Keeps the cached room list (unread counts, last messages) current from live events. */
export function useChatRoomsLive(openRoomId: string | null): void {
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const me = user?.id ?? '';
  const update = (change: (rooms: ChatRoomSummary[]) => ChatRoomSummary[]) =>
    queryClient.setQueryData<PagedResult<ChatRoomSummary>>(roomsKey, (data) => (data === undefined ? data : { ...data, items: change(data.items) }));
  const refetch = () => void queryClient.invalidateQueries({ queryKey: roomsKey });

  useRealtimeEvent<MessageEvent>('messageCreated', ({ message }) => {
    const data = queryClient.getQueryData<PagedResult<ChatRoomSummary>>(roomsKey);
    if (data !== undefined && !data.items.some((room) => room.id === message.roomId)) {
      refetch();
      return;
    }
    update((rooms) => applyNewMessage(rooms, message, me, openRoomId));
  });
  useRealtimeEvent<MessageEvent>('messageEdited', ({ message }) =>
    update((rooms) => rooms.map((room) => (room.lastMessage?.id === message.id ? { ...room, lastMessage: message } : room))),
  );
  useRealtimeEvent<RoomReadEvent>('roomRead', (event) => {
    update((rooms) => applyRoomRead(rooms, event, me));
  });
  useRealtimeEvent('messageDeleted', refetch);
  useRealtimeEvent('roomJoined', refetch);
  useRealtimeEvent('roomLeft', () => void queryClient.invalidateQueries({ queryKey: chatKey }));
  useRealtimeReconnected(refetch);
}
