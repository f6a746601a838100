import { useQuery } from '@tanstack/react-query';
import { matchPath, useLocation } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { roomsQuery } from './chatApi';
import { totalUnread } from './messages';
import { useChatRoomsLive } from './useChatRoomsLive';

/**
 * The signed-in shell's one subscription to the room list: keeps it current from live events (the room
 * on screen does not count as unread) and answers the unread total for the navigation.
 */
export function useChatUnread(enabled: boolean): number {
  const api = useApi();
  const location = useLocation();
  const openRoomId = matchPath('/chat/:roomId', location.pathname)?.params.roomId ?? null;
  useChatRoomsLive(openRoomId);
  const rooms = useQuery({ ...roomsQuery(api), enabled });
  return rooms.data === undefined ? 0 : totalUnread(rooms.data.items);
}
