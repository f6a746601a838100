import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvent, useRealtimeReconnected } from '../../realtime/useRealtimeEvent';
import { lessonsKey, type LessonChangedEvent } from './lessonsApi';

/** Lessons on screen follow `lessonChanged` events; after a reconnect they are fetched again. */
export function useLessonLiveUpdates(): void {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: lessonsKey });
  useRealtimeEvent<LessonChangedEvent>('lessonChanged', refresh);
  useRealtimeReconnected(refresh);
}
