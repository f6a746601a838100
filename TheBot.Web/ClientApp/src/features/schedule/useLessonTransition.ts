import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { lessonQuery, lessonsKey, type Lesson } from './lessonsApi';

/**
 * Runs one change to a lesson (confirm, complete, missed, cancel, reschedule): the answer replaces the lesson
 * on screen and the schedule is fetched again. `onDone` runs after a change succeeds.
 */
export function useLessonTransition(lessonId: string, onDone: () => void) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: () => Promise<Lesson>) => change(),
    onSuccess: (updated) => {
      queryClient.setQueryData(lessonQuery(api, lessonId).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: lessonsKey });
      onDone();
    },
  });
}
