import { useState } from 'react';
import { isApiError } from '../../api/ApiError';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { CancelLessonForm } from './CancelLessonForm';
import { LessonProblem } from './LessonProblem';
import { cancelLesson, completeLesson, confirmLesson, markLessonMissed, rescheduleLesson, type Lesson } from './lessonsApi';
import { RescheduleLessonForm } from './RescheduleLessonForm';
import { useLessonTransition } from './useLessonTransition';

type Mode = 'none' | 'cancel' | 'reschedule';

/** What the caller may do with an open (pending or confirmed) lesson, by role; cancelling and rescheduling open a form. */
export function LessonActions({ lesson }: { lesson: Lesson }) {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const [mode, setMode] = useState<Mode>('none');
  const transition = useLessonTransition(lesson.id, () => setMode('none'));
  const role = user?.role;
  const manages = role === 'teacher' || role === 'admin';
  const started = Date.parse(lesson.startsAt) <= Date.now();

  if (lesson.status !== 'pending' && lesson.status !== 'confirmed') {
    return null;
  }

  const run = (change: () => Promise<Lesson>) => transition.mutate(change);
  const toggle = (next: Mode) => setMode(mode === next ? 'none' : next);
  const busy = transition.isPending;
  const fieldErrors = isApiError(transition.error) ? transition.error.fieldErrors : {};

  return (
    <div className="panel">
      <div className="actions">
        {lesson.status === 'pending' && role !== 'tutor' && role !== 'parent' ? (
          <button type="button" className="button" disabled={busy} onClick={() => run(() => confirmLesson(api, lesson.id))}>
            {t('lesson.confirm')}
          </button>
        ) : null}
        {manages && started ? (
          <button type="button" className="button" disabled={busy} onClick={() => run(() => completeLesson(api, lesson.id))}>
            {t('lesson.complete')}
          </button>
        ) : null}
        {manages && started ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => run(() => markLessonMissed(api, lesson.id))}
          >
            {t('lesson.missed')}
          </button>
        ) : null}
        {manages ? (
          <button type="button" className="button button--secondary" onClick={() => toggle('reschedule')}>
            {t('lesson.reschedule')}
          </button>
        ) : null}
        {role !== 'parent' ? (
          <button type="button" className="button button--danger" onClick={() => toggle('cancel')}>
            {t('lesson.cancel')}
          </button>
        ) : null}
      </div>
      {mode === 'cancel' ? (
        <CancelLessonForm busy={busy} fieldErrors={fieldErrors} onCancel={(reason) => run(() => cancelLesson(api, lesson.id, reason))} />
      ) : null}
      {mode === 'reschedule' ? (
        <RescheduleLessonForm
          lesson={lesson}
          busy={busy}
          fieldErrors={fieldErrors}
          onReschedule={(times) =>
            run(() => rescheduleLesson(api, lesson.id, { ...times, topic: lesson.topic, meetingLink: lesson.meetingLink }))
          }
        />
      ) : null}
      <LessonProblem error={transition.error} />
    </div>
  );
}
