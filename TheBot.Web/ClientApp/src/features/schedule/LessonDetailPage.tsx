import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/ApiError';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeading } from '../../ui/PageHeading';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { lessonConflictOf } from './conflict';
import { LessonConflictAlert } from './LessonConflictAlert';
import {
  cancelLesson,
  completeLesson,
  markLessonMissed,
  confirmLesson,
  lessonHistoryQuery,
  lessonQuery,
  lessonsKey,
  rescheduleLesson,
  type Lesson,
} from './lessonsApi';
import { LessonStatusBadge } from './LessonStatusBadge';
import { DURATIONS } from './NewLessonForm';
import { useLessonLiveUpdates } from './useLessonLiveUpdates';
import { endAfter, fromLocalInputValue, toLocalInputValue } from './week';

export function LessonDetailPage() {
  const { lessonId = '' } = useParams();
  const { t } = useI18n();
  const api = useApi();
  useLessonLiveUpdates();
  const query = useQuery(lessonQuery(api, lessonId));

  return (
    <section className="page">
      <p>
        <Link to="/schedule">{t('lesson.backToSchedule')}</Link>
      </p>
      <PageHeading title={t('lesson.title')}>
        {query.isSuccess ? `${query.data.subject.name}` : t('lesson.title')}
      </PageHeading>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        <>
          <LessonDetails lesson={query.data} />
          <LessonActions lesson={query.data} />
          <LessonHistory lessonId={lessonId} />
        </>
      ) : null}
    </section>
  );
}

function LessonDetails({ lesson }: { lesson: Lesson }) {
  const { t, formatDateTime } = useI18n();
  return (
    <dl className="details panel">
      <dt>{t('lesson.statusLabel')}</dt>
      <dd>
        <LessonStatusBadge status={lesson.status} />
      </dd>
      <dt>{t('lesson.start')}</dt>
      <dd>
        <time dateTime={lesson.startsAt}>{formatDateTime(lesson.startsAt)}</time>
      </dd>
      <dt>{t('lesson.end')}</dt>
      <dd>
        <time dateTime={lesson.endsAt}>{formatDateTime(lesson.endsAt)}</time>
      </dd>
      <dt>{t('lesson.teacher')}</dt>
      <dd>{lesson.teacher.fullName}</dd>
      <dt>{t('lesson.student')}</dt>
      <dd>{lesson.student.fullName}</dd>
      <dt>{t('lesson.topic')}</dt>
      <dd>{lesson.topic ?? <span className="muted">{t('common.notSet')}</span>}</dd>
      <dt>{t('lesson.meetingLink')}</dt>
      <dd>
        {lesson.meetingLink ? (
          <a href={lesson.meetingLink} target="_blank" rel="noopener noreferrer">
            {lesson.meetingLink}
          </a>
        ) : (
          <span className="muted">{t('common.notSet')}</span>
        )}
      </dd>
      {lesson.cancelReason ? (
        <>
          <dt>{t('lesson.cancelReason')}</dt>
          <dd>{lesson.cancelReason}</dd>
        </>
      ) : null}
    </dl>
  );
}

type Mode = 'none' | 'cancel' | 'reschedule';

function LessonActions({ lesson }: { lesson: Lesson }) {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('none');
  const [reason, setReason] = useState('');
  const [startsAt, setStartsAt] = useState(() => toLocalInputValue(new Date(lesson.startsAt)));
  const [duration, setDuration] = useState(() => {
    const minutes = Math.round((Date.parse(lesson.endsAt) - Date.parse(lesson.startsAt)) / 60_000);
    return String(minutes);
  });
  const role = user?.role;
  const open = lesson.status === 'pending' || lesson.status === 'confirmed';
  const manages = role === 'teacher' || role === 'admin';
  const started = Date.parse(lesson.startsAt) <= Date.now();

  const mutation = useMutation({
    mutationFn: (action: () => Promise<Lesson>) => action(),
    onSuccess: (updated) => {
      queryClient.setQueryData(lessonQuery(api, lesson.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: lessonsKey });
      setMode('none');
      setReason('');
    },
  });

  if (!open) {
    return null;
  }

  const fieldErrors = isApiError(mutation.error) ? mutation.error.fieldErrors : {};
  const conflict = lessonConflictOf(mutation.error);

  const onCancel = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(() => cancelLesson(api, lesson.id, reason.trim()));
  };
  const onReschedule = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const start = fromLocalInputValue(startsAt);
    if (start === null) {
      return;
    }
    mutation.mutate(() =>
      rescheduleLesson(api, lesson.id, {
        startsAt: start.toISOString(),
        endsAt: endAfter(start, Number(duration)).toISOString(),
        topic: lesson.topic,
        meetingLink: lesson.meetingLink,
      }),
    );
  };
  const durations = DURATIONS.map(String).includes(duration) ? DURATIONS.map(String) : [duration, ...DURATIONS.map(String)];

  return (
    <div className="panel">
      <div className="actions">
        {lesson.status === 'pending' && role !== 'tutor' && role !== 'parent' ? (
          <button type="button" className="button" disabled={mutation.isPending} onClick={() => mutation.mutate(() => confirmLesson(api, lesson.id))}>
            {t('lesson.confirm')}
          </button>
        ) : null}
        {manages && started ? (
          <button type="button" className="button" disabled={mutation.isPending} onClick={() => mutation.mutate(() => completeLesson(api, lesson.id))}>
            {t('lesson.complete')}
          </button>
        ) : null}
        {manages && started ? (
          <button type="button" className="button button--secondary" disabled={mutation.isPending} onClick={() => mutation.mutate(() => markLessonMissed(api, lesson.id))}>
            {t('lesson.missed')}
          </button>
        ) : null}
        {manages ? (
          <button type="button" className="button button--secondary" onClick={() => setMode(mode === 'reschedule' ? 'none' : 'reschedule')}>
            {t('lesson.reschedule')}
          </button>
        ) : null}
        {role !== 'parent' ? (
          <button type="button" className="button button--danger" onClick={() => setMode(mode === 'cancel' ? 'none' : 'cancel')}>
            {t('lesson.cancel')}
          </button>
        ) : null}
      </div>
      {mode === 'cancel' ? (
        <form className="form" onSubmit={onCancel} noValidate>
          <TextField
            name="cancelReason"
            label={t('lesson.cancelReason')}
            value={reason}
            required
            maxLength={500}
            errors={fieldErrors['reason']}
            onChange={(event) => setReason(event.target.value)}
          />
          <button type="submit" className="button button--danger" disabled={mutation.isPending || reason.trim() === ''}>
            {t('lesson.cancelConfirm')}
          </button>
        </form>
      ) : null}
      {mode === 'reschedule' ? (
        <form className="form" onSubmit={onReschedule} noValidate>
          <TextField
            name="rescheduleStart"
            label={t('lesson.start')}
            type="datetime-local"
            value={startsAt}
            required
            errors={fieldErrors['startsAt']}
            onChange={(event) => setStartsAt(event.target.value)}
          />
          <SelectField
            name="rescheduleDuration"
            label={t('lesson.duration')}
            options={durations.map((minutes) => ({ value: minutes, label: t('lesson.minutes', { minutes }) }))}
            value={duration}
            errors={fieldErrors['endsAt']}
            onChange={(event) => setDuration(event.target.value)}
          />
          <button type="submit" className="button" disabled={mutation.isPending}>
            {t('lesson.saveReschedule')}
          </button>
        </form>
      ) : null}
      {conflict !== null ? <LessonConflictAlert conflict={conflict} /> : null}
      {mutation.error !== null && conflict === null ? <FormAlert message={describeError(mutation.error, t)} /> : null}
    </div>
  );
}

function LessonHistory({ lessonId }: { lessonId: string }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const query = useQuery(lessonHistoryQuery(api, lessonId));
  return (
    <section aria-labelledby="lesson-history">
      <h2 id="lesson-history">{t('lesson.history')}</h2>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} /> : null}
      {query.isSuccess ? (
        <ol className="timeline">
          {query.data.map((item, index) => (
            <li key={index} className="timeline__item">
              <time dateTime={item.at}>{formatDateTime(item.at)}</time> · <strong>{item.action}</strong> ·{' '}
              {item.actor?.fullName ?? t('invoice.system')} · {t(`lesson.status.${item.toStatus}`)}
              {item.fromStartsAt !== null && item.fromStartsAt !== item.toStartsAt ? (
                <>
                  {' '}
                  · {formatDateTime(item.fromStartsAt)} → {formatDateTime(item.toStartsAt)}
                </>
              ) : null}
              {item.note ? <p className="muted">{item.note}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
