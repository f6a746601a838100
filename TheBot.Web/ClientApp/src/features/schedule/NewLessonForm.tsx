import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { FormActions } from '../../ui/FormActions';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { TextField } from '../../ui/TextField';
import { EnrollmentFields } from './EnrollmentFields';
import { LessonProblem } from './LessonProblem';
import { LessonTimeFields } from './LessonTimeFields';
import { activeEnrollmentsQuery } from './lessonsApi';
import { nextFullHour } from './lessonTimes';
import { useNewLesson, type LessonDraft } from './useNewLesson';
import { toLocalInputValue } from './week';

/**
 * Teachers (and admins) book a lesson within one of their active enrollments. `initial` is the time dragged
 * out on the calendar (start as a `datetime-local` value, length in minutes); without it the next full hour.
 */
export function NewLessonForm({ onCancel, initial }: { onCancel: () => void; initial?: { startsAt: string; duration: string } | undefined }) {
  const { t, timeZone } = useI18n();
  const api = useApi();
  const enrollments = useQuery(activeEnrollmentsQuery(api));
  const [choice, setChoice] = useState({ studentId: '', enrollmentId: '' });
  const [draft, setDraft] = useState<LessonDraft>(() => ({
    startsAt: initial?.startsAt ?? toLocalInputValue(nextFullHour(new Date(), timeZone), timeZone),
    duration: initial?.duration ?? '60',
    topic: '',
    meetingLink: '',
  }));
  const edit = (change: Partial<LessonDraft>) => setDraft((current) => ({ ...current, ...change }));
  const book = useNewLesson();
  const form = useRef<HTMLFormElement>(null);
  const loaded = enrollments.isSuccess;
  // Opened by a drag on the calendar below: bring the form into view.
  useEffect(() => {
    if (loaded && initial !== undefined) {
      form.current?.scrollIntoView?.({ block: 'start' });
    }
  }, [loaded, initial]);

  if (enrollments.isPending) {
    return <LoadingState />;
  }
  if (enrollments.isError) {
    return <ErrorState error={enrollments.error} onRetry={() => void enrollments.refetch()} />;
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const enrollment = enrollments.data.items.find((item) => item.id === choice.enrollmentId && item.student.id === choice.studentId);
    if (enrollment !== undefined) {
      book.mutate({ enrollment, draft });
    }
  };
  const fieldErrors = isApiError(book.error) ? book.error.fieldErrors : {};

  return (
    <form ref={form} className="panel form" onSubmit={onSubmit} noValidate aria-labelledby="new-lesson-title">
      <h2 id="new-lesson-title">{t('lesson.new')}</h2>
      <EnrollmentFields
        enrollments={enrollments.data.items}
        studentId={choice.studentId}
        enrollmentId={choice.enrollmentId}
        onChange={setChoice}
        fieldErrors={fieldErrors}
      />
      <LessonTimeFields
        idPrefix="lesson"
        startsAt={draft.startsAt}
        duration={draft.duration}
        onStartsAt={(startsAt) => edit({ startsAt })}
        onDuration={(duration) => edit({ duration })}
        fieldErrors={fieldErrors}
      />
      <TextField
        name="lessonTopic"
        label={t('lesson.topic')}
        value={draft.topic}
        maxLength={200}
        errors={fieldErrors['topic']}
        onChange={(event) => edit({ topic: event.target.value })}
      />
      <TextField
        name="lessonLink"
        label={t('lesson.meetingLink')}
        type="url"
        placeholder="https://"
        value={draft.meetingLink}
        maxLength={500}
        errors={fieldErrors['meetingLink']}
        onChange={(event) => edit({ meetingLink: event.target.value })}
      />
      <LessonProblem error={book.error} />
      <FormActions
        submitLabel={t('lesson.book')}
        busy={book.isPending}
        busyLabel={t('common.saving')}
        disabled={choice.enrollmentId === ''}
        dismiss={{ label: t('common.cancel'), onClick: onCancel }}
      />
    </form>
  );
}
