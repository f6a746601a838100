import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvent, useRealtimeReconnected } from '../../realtime/useRealtimeEvent';
import { notificationsKey } from './notificationsApi';

/** New notifications and read receipts (from any of my devices) refresh what is on screen. */
export function useNotificationsLive(): void {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationsKey });
  useRealtimeEvent('notification', refresh);
  useRealtimeEvent('notificationsRead', refresh);
  useRealtimeReconnected(refresh);
}
