import FullCalendar, { type CalendarRef, type DateSelectInfo, type EventDropInfo, type EventInput } from '@fullcalendar/react';
import interactionPlugin from '@fullcalendar/react/interaction';
import enGbLocale from '@fullcalendar/react/locales/en-gb';
import ruLocale from '@fullcalendar/react/locales/ru';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { fromFloating, selectionDraft, subjectColour, toFloating, visibleHours } from './calendarTimes';
import type { Lesson } from './lessonsApi';
import { LessonStatusBadge } from './LessonStatusBadge';
import { dayKey } from './week';

export type CalendarMode = 'week' | 'day';

const faded = (lesson: Lesson) => lesson.status === 'cancelled' || lesson.status === 'missed';

/**
 * The time grid (hours down, days across; one day on phones) drawn by FullCalendar in the profile zone's
 * wall clock (see calendarTimes). Each lesson is a link to its page, coloured by subject and labelled with
 * its time, people and status; teachers and admins drag a lesson to move it and drag over free time to book.
 */
export default function LessonCalendar({
  mode,
  anchor,
  lessons,
  label,
  editable,
  onMove,
  onCreate,
}: {
  mode: CalendarMode;
  /** Midnight (profile zone) of the first day shown. */
  anchor: Date;
  lessons: readonly Lesson[];
  label: string;
  editable: boolean;
  /** Moves a lesson; resolves false when the API refused (the block then snaps back). */
  onMove: (lesson: Lesson, floatingStart: Date) => Promise<boolean>;
  onCreate: (draft: { startsAt: string; duration: string }) => void;
}) {
  const { t, language, timeZone, formatTime } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const calendar = useRef<CalendarRef>(null);
  const view = mode === 'week' ? 'timeGridWeek' : 'timeGridDay';
  const start = toFloating(anchor, timeZone);
  const settled = useSettledLayout();

  useEffect(() => {
    const api = calendar.current?.getApi();
    if (api === undefined) {
      return;
    }
    if (api.view.type !== view) {
      api.changeView(view, start);
    } else {
      api.gotoDate(start);
    }
  }, [view, start]);

  const events = useMemo<EventInput[]>(
    () =>
      lessons.map((lesson) => ({
        id: lesson.id,
        title: lesson.subject.name,
        start: toFloating(lesson.startsAt, timeZone),
        end: toFloating(lesson.endsAt, timeZone),
        url: `/schedule/${lesson.id}`,
        editable: editable && (lesson.status === 'pending' || lesson.status === 'confirmed'),
        // Pale subject colours under dark text (contrast ≥ 7:1); cancelled and missed lessons are grey.
        color: faded(lesson) ? 'var(--lesson-faded)' : `var(--subject-${subjectColour(lesson.subject.id)})`,
        contrastColor: faded(lesson) ? 'var(--lesson-faded-text)' : 'var(--subject-text)',
        extendedProps: { lesson },
      })),
    [lessons, timeZone, editable],
  );

  const hours = useMemo(() => visibleHours(events), [events]);

  const people = (lesson: Lesson) =>
    user?.role === 'student'
      ? lesson.teacher.fullName
      : user?.role === 'teacher'
        ? lesson.student.fullName
        : `${lesson.teacher.fullName} · ${lesson.student.fullName}`;

  const onDrop = async (info: EventDropInfo) => {
    const lesson = info.event.extendedProps.lesson as Lesson;
    if (info.event.start === null || !(await onMove(lesson, info.event.start))) {
      info.revert();
    }
  };

  const onSelect = (info: DateSelectInfo) => {
    info.view.calendar.unselect();
    onCreate(selectionDraft(info.start, info.end, timeZone));
  };

  return (
    <div className="week" role="region" aria-label={label} data-view={mode} data-settled={settled ? '' : undefined}>
      <FullCalendar
        ref={calendar}
        plugins={[timeGridPlugin, interactionPlugin, classicTheme]}
        initialView={view}
        initialDate={start}
        timeZone="UTC"
        now={() => toFloating(Date.now(), timeZone)}
        locale={language === 'ru' ? ruLocale : enGbLocale}
        firstDay={1}
        headerToolbar={false}
        allDaySlot={false}
        nowIndicator
        slotEventOverlap={false}
        slotMinTime={hours.from}
        slotMaxTime={hours.to}
        height="auto"
        slotHeaderFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        dayHeaderFormat={mode === 'week' ? { weekday: 'short', day: 'numeric', month: 'short' } : { weekday: 'long', day: 'numeric', month: 'long' }}
        dayHeaderContent={(info) => (
          <>
            {info.text}
            {info.isToday ? <span className="week__today-label"> · {t('schedule.todayLabel')}</span> : null}
          </>
        )}
        dayLaneClass={(info) => (info.isToday ? 'week__day week__day--today' : 'week__day')}
        dayLaneDidMount={(info) => {
          info.el.dataset.day = dayKey(info.date, 'UTC');
        }}
        events={events}
        eventClass={(info) => {
          const lesson = info.event.extendedProps.lesson as Lesson;
          return `lesson-block lesson-block--colour-${subjectColour(lesson.subject.id)} lesson-block--${lesson.status}${info.isMirror ? ' lesson-block--mirror' : ''}`;
        }}
        eventDidMount={(info) => {
          const lesson = info.event.extendedProps.lesson as Lesson;
          info.el.dataset.lesson = lesson.id;
          info.el.dataset.day = dayKey(new Date(Date.parse(toFloating(lesson.startsAt, timeZone) + 'Z')), 'UTC');
        }}
        eventContent={(info) => {
          const lesson = info.event.extendedProps.lesson as Lesson;
          // While dragged, the block (the library's "mirror") shows where the lesson would go.
          const { start, end } = info.event;
          const times =
            info.isMirror && start !== null && end !== null
              ? { startsAt: fromFloating(start, timeZone), endsAt: fromFloating(end, timeZone) }
              : lesson;
          return (
            <span className="lesson-block__body">
              <span className="lesson-block__line">
                <span className="lesson-block__time">
                  {formatTime(times.startsAt)}–{formatTime(times.endsAt)}
                </span>{' '}
                <LessonStatusBadge status={lesson.status} />
              </span>
              <span className="lesson-block__subject">{lesson.subject.name}</span>
              <span className="lesson-block__people">{people(lesson)}</span>
            </span>
          );
        }}
        eventClick={(info) => {
          info.jsEvent.preventDefault();
          void navigate(`/schedule/${info.event.id}`);
        }}
        editable={editable}
        eventDurationEditable={false}
        eventDrop={(info) => void onDrop(info)}
        selectable={editable}
        selectMirror
        select={onSelect}
        snapDuration="00:15:00"
      />
    </div>
  );
}

/**
 * False until two frames after the first draw. The library draws the grid, measures its time axis and slots, and draws
 * again wider and taller: the first draw stays hidden (CSS) so that the page does not jump under the reader's eyes.
 */
function useSettledLayout(): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => setSettled(true));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, []);
  return settled;
}
