import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { createLesson, lessonsKey, type Enrollment } from './lessonsApi';
import { endAfter, fromLocalInputValue } from './week';

/** What the booking form holds besides the enrollment, as typed. */
export interface LessonDraft {
  startsAt: string;
  duration: string;
  topic: string;
  meetingLink: string;
}

/**
 * Books a lesson within an enrollment and opens it. An admin books for the enrollment's teacher; a teacher
 * books as themself.
 */
export function useNewLesson() {
  const api = useApi();
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isAdmin = user?.role === 'admin';
  const { timeZone } = useI18n();

  return useMutation({
    mutationFn: ({ enrollment, draft }: { enrollment: Enrollment; draft: LessonDraft }) => {
      const start = fromLocalInputValue(draft.startsAt, timeZone);
      if (start === null) {
        throw new Error('invalid start');
      }
      return createLesson(api, {
        studentId: enrollment.student.id,
        subjectId: enrollment.subject.id,
        ...(isAdmin ? { teacherId: enrollment.teacher.id } : {}),
        startsAt: start.toISOString(),
        endsAt: endAfter(start, Number(draft.duration)).toISOString(),
        topic: draft.topic.trim() === '' ? null : draft.topic.trim(),
        meetingLink: draft.meetingLink.trim() === '' ? null : draft.meetingLink.trim(),
      });
    },
    onSuccess: (lesson) => {
      void queryClient.invalidateQueries({ queryKey: lessonsKey });
      void navigate(`/schedule/${lesson.id}`);
    },
  });
}
