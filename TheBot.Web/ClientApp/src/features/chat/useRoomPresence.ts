import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useAuth } from '../../auth/useAuth';
import { useRealtime } from '../../realtime/RealtimeContext';
import { useRealtimeEvent, useRealtimeReconnected } from '../../realtime/useRealtimeEvent';
import { useApi } from '../../services/ServicesContext';
import { roomQuery, type ChatRoom, type RoomReadEvent } from './chatApi';
import { applyReadToRoom } from './messages';

/**
 * The room while it is on screen: the hub is told it is open (no chat notifications for it meanwhile),
 * and the room's read receipts stay current (live, and fetched again after a reconnect).
 */
export function useRoomPresence(roomId: string): void {
  const api = useApi();
  const { user } = useAuth();
  const me = user?.id ?? '';
  const queryClient = useQueryClient();
  const { connection, status } = useRealtime();

  useEffect(() => {
    if (connection === null || status !== 'connected') {
      return undefined;
    }
    void connection.invoke('OpenRoom', roomId).catch(() => undefined);
    return () => {
      void connection.invoke('CloseRoom', roomId).catch(() => undefined);
    };
  }, [connection, status, roomId]);

  useRealtimeEvent<RoomReadEvent>('roomRead', (event) => {
    if (event.roomId === roomId) {
      queryClient.setQueryData<ChatRoom>(roomQuery(api, roomId).queryKey, (data) => (data === undefined ? data : applyReadToRoom(data, event, me)));
    }
  });
  useRealtimeReconnected(() => {
    void queryClient.invalidateQueries({ queryKey: roomQuery(api, roomId).queryKey });
  });
}
