import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { startOfZonedDay } from '../../format/timeZone';
import { PageHeading } from '../../ui/PageHeading';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { PersonSelectField } from '../../ui/PersonSelectField';
import { movedTimes } from './calendarTimes';
import { LessonProblem } from './LessonProblem';
import { lessonQuery, lessonsInRangeQuery, lessonsKey, rescheduleLesson, teachersQuery, type Lesson } from './lessonsApi';
import { NewLessonForm } from './NewLessonForm';
import { useNarrowScreen } from './useNarrowScreen';
import { addDays, startOfWeek, weekRange } from './week';

/**
 * The calendar library is big: it loads with the first look at the schedule, after the page's own frame, while the
 * week's lessons are fetched (not after them).
 */
const loadCalendar = () => import('./LessonCalendar');
const LessonCalendar = lazy(loadCalendar);

/** The week calendar. `/schedule?lesson={id}` (the address lesson reminders link to) opens that lesson. */
export function SchedulePage() {
  const [params] = useSearchParams();
  const lessonId = params.get('lesson');
  if (lessonId !== null && /^[0-9a-f-]{36}$/i.test(lessonId)) {
    return <Navigate to={`/schedule/${lessonId}`} replace />;
  }
  return <WeekSchedule />;
}

/**
 * Everyone sees their lessons on a time grid, a week at a time (a day at a time on phones); teachers and
 * admins book new ones (the form, or a drag over free time) and move them (the lesson page's form, or a drag).
 */
function WeekSchedule() {
  const { t, language, timeZone, formatDateTime } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const narrow = useNarrowScreen();
  useEffect(() => {
    void loadCalendar().catch(() => undefined);
  }, []);
  const mode = narrow ? 'day' : 'week';
  const [day, setDay] = useState(() => startOfZonedDay(new Date(), timeZone));
  const [creating, setCreating] = useState<{ startsAt: string; duration: string } | 'blank' | null>(null);
  const [moveProblem, setMoveProblem] = useState<unknown>(null);
  const [moved, setMoved] = useState('');
  const anchor = mode === 'week' ? startOfWeek(day, timeZone) : day;
  const range = useMemo(
    () => (mode === 'week' ? weekRange(anchor, timeZone) : { from: anchor.toISOString(), to: addDays(anchor, 1, timeZone).toISOString() }),
    [mode, anchor, timeZone],
  );
  const isAdmin = user?.role === 'admin';
  const [teacherId, setTeacherId] = useState('');
  const teachers = useQuery({ ...teachersQuery(api), enabled: isAdmin });
  const query = useQuery(lessonsInRangeQuery(api, range, teacherId === '' ? undefined : teacherId));
  const locale = language === 'ru' ? 'ru-RU' : 'en-GB';
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: mode === 'week' ? 'medium' : 'full', timeZone });
  const rangeLabel =
    mode === 'week' ? `${dateFormat.format(anchor)} – ${dateFormat.format(addDays(anchor, 6, timeZone))}` : dateFormat.format(anchor);
  const canBook = user?.role === 'teacher' || user?.role === 'admin';
  const step = mode === 'week' ? 7 : 1;

  const move = async (lesson: Lesson, floatingStart: Date): Promise<boolean> => {
    setMoveProblem(null);
    setMoved('');
    try {
      const times = movedTimes(floatingStart, lesson, timeZone);
      const updated = await rescheduleLesson(api, lesson.id, { ...times, topic: lesson.topic, meetingLink: lesson.meetingLink });
      queryClient.setQueryData(lessonQuery(api, lesson.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: lessonsKey });
      setMoved(t('schedule.moved', { subject: updated.subject.name, time: formatDateTime(updated.startsAt) }));
      return true;
    } catch (error) {
      setMoveProblem(error);
      return false;
    }
  };

  return (
    <section className="page">
      <PageHeading title={t('schedule.title')}>{t('schedule.title')}</PageHeading>
      {canBook ? (
        creating !== null ? (
          <NewLessonForm
            key={creating === 'blank' ? 'blank' : `${creating.startsAt}/${creating.duration}`}
            initial={creating === 'blank' ? undefined : creating}
            onCancel={() => setCreating(null)}
          />
        ) : (
          <div className="actions">
            <button type="button" className="button" onClick={() => setCreating('blank')}>
              {t('lesson.new')}
            </button>
          </div>
        )
      ) : null}
      <div className="toolbar week-nav">
        <button type="button" className="button button--secondary button--small" onClick={() => setDay((d) => addDays(d, -step, timeZone))}>
          {mode === 'week' ? t('schedule.previousWeek') : t('schedule.previousDay')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => setDay(startOfZonedDay(new Date(), timeZone))}>
          {mode === 'week' ? t('schedule.thisWeek') : t('schedule.today')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => setDay((d) => addDays(d, step, timeZone))}>
          {mode === 'week' ? t('schedule.nextWeek') : t('schedule.nextDay')}
        </button>
        <p className="week-nav__range" aria-live="polite">
          {rangeLabel}
        </p>
      </div>
      {isAdmin ? (
        <div className="toolbar">
          <PersonSelectField
            name="scheduleTeacher"
            label={t('schedule.teacherFilter')}
            placeholder={t('schedule.allTeachers')}
            options={(teachers.data?.items ?? []).map((teacher) => ({ value: teacher.id, label: teacher.fullName }))}
            value={teacherId}
            onChange={(event) => setTeacherId(event.target.value)}
          />
        </div>
      ) : null}
      {canBook ? <p className="muted week__hint">{t('schedule.dragHint')}</p> : null}
      {query.isSuccess && query.data.totalCount > query.data.items.length ? (
        <p className="muted" role="status">
          {t('schedule.truncated', { shown: query.data.items.length, total: query.data.totalCount })}
        </p>
      ) : null}
      <LessonProblem error={moveProblem} />
      <p className="week__moved" role="status">
        {moved}
      </p>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        <Suspense fallback={<LoadingState />}>
          <LessonCalendar
            mode={mode}
            anchor={anchor}
            lessons={query.data.items}
            label={t(mode === 'week' ? 'schedule.week' : 'schedule.day', { range: rangeLabel })}
            editable={canBook}
            onMove={move}
            onCreate={(draft) => setCreating(draft)}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
