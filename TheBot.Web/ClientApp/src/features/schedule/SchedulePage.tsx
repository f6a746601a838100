import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { PersonSelectField } from '../../ui/PersonSelectField';
import { LessonStatusBadge } from './LessonStatusBadge';
import { lessonsInRangeQuery, teachersQuery } from './lessonsApi';
import { NewLessonForm } from './NewLessonForm';
import { addDays, addWeeks, dayKey, daysOfWeek, groupByDay, isSameDay, startOfWeek, weekRange } from './week';

/** The week calendar. `/schedule?lesson={id}` (the address lesson reminders link to) opens that lesson. */
export function SchedulePage() {
  const [params] = useSearchParams();
  const lessonId = params.get('lesson');
  if (lessonId !== null && /^[0-9a-f-]{36}$/i.test(lessonId)) {
    return <Navigate to={`/schedule/${lessonId}`} replace />;
  }
  return <WeekSchedule />;
}

/** Everyone sees their lessons week by week; teachers and admins book new ones. */
function WeekSchedule() {
  const { t, language, timeZone, formatTime } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const [weekStart, setWeekStart] = useState(() => startOfWeek(new Date(), timeZone));
  const [creating, setCreating] = useState(false);
  const range = useMemo(() => weekRange(weekStart, timeZone), [weekStart, timeZone]);
  const isAdmin = user?.role === 'admin';
  const [teacherId, setTeacherId] = useState('');
  const teachers = useQuery({ ...teachersQuery(api), enabled: isAdmin });
  const query = useQuery(lessonsInRangeQuery(api, range, teacherId === '' ? undefined : teacherId));
  const locale = language === 'ru' ? 'ru-RU' : 'en-GB';
  const dayFormat = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const rangeLabel = `${dateFormat.format(weekStart)} – ${dateFormat.format(addDays(weekStart, 6, timeZone))}`;
  const canBook = user?.role === 'teacher' || user?.role === 'admin';
  const byDay = query.isSuccess ? groupByDay(weekStart, query.data.items, timeZone) : null;
  const today = new Date();

  return (
    <section className="page">
      <PageHeading title={t('schedule.title')}>{t('schedule.title')}</PageHeading>
      {canBook ? (
        creating ? (
          <NewLessonForm onCancel={() => setCreating(false)} />
        ) : (
          <div className="actions">
            <button type="button" className="button" onClick={() => setCreating(true)}>
              {t('lesson.new')}
            </button>
          </div>
        )
      ) : null}
      <div className="toolbar week-nav">
        <button type="button" className="button button--secondary button--small" onClick={() => setWeekStart((w) => addWeeks(w, -1, timeZone))}>
          {t('schedule.previousWeek')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => setWeekStart(startOfWeek(new Date(), timeZone))}>
          {t('schedule.thisWeek')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => setWeekStart((w) => addWeeks(w, 1, timeZone))}>
          {t('schedule.nextWeek')}
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
      {query.isSuccess && query.data.totalCount > query.data.items.length ? (
        <p className="muted" role="status">
          {t('schedule.truncated', { shown: query.data.items.length, total: query.data.totalCount })}
        </p>
      ) : null}
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {byDay !== null ? (
        <ol className="week" aria-label={t('schedule.week', { range: rangeLabel })}>
          {daysOfWeek(weekStart, timeZone).map((day) => {
            const lessons = byDay.get(dayKey(day, timeZone)) ?? [];
            return (
              <li key={dayKey(day, timeZone)} className={isSameDay(day, today, timeZone) ? 'week__day week__day--today' : 'week__day'} data-day={dayKey(day, timeZone)}>
                <h2 className="week__date">{dayFormat.format(day)}</h2>
                {lessons.length === 0 ? (
                  <p className="muted week__empty">{t('schedule.free')}</p>
                ) : (
                  <ul className="week__lessons">
                    {lessons.map((lesson) => (
                      <li key={lesson.id} className={`lesson-card lesson-card--${lesson.status}`} data-lesson={lesson.id}>
                        <Link to={`/schedule/${lesson.id}`} className="lesson-card__link">
                          <span className="lesson-card__time">
                            {formatTime(lesson.startsAt)}–{formatTime(lesson.endsAt)}
                          </span>
                          <span className="lesson-card__subject">{lesson.subject.name}</span>
                        </Link>
                        <span className="lesson-card__people">
                          {user?.role === 'student' ? lesson.teacher.fullName : user?.role === 'teacher' ? lesson.student.fullName : `${lesson.teacher.fullName} · ${lesson.student.fullName}`}
                        </span>
                        <LessonStatusBadge status={lesson.status} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
