import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../api/problemDetails';
import { useI18n } from '../../i18n/I18nContext';
import { LessonTimeFields } from './LessonTimeFields';
import type { Lesson } from './lessonsApi';
import { lessonMinutes } from './lessonTimes';
import { endAfter, fromLocalInputValue, toLocalInputValue } from './week';

/** Moves the lesson: a new start and length, starting from its current ones. */
export function RescheduleLessonForm({
  lesson,
  busy,
  fieldErrors,
  onReschedule,
}: {
  lesson: Lesson;
  busy: boolean;
  fieldErrors: FieldErrors;
  onReschedule: (times: { startsAt: string; endsAt: string }) => void;
}) {
  const { t, timeZone } = useI18n();
  const [startsAt, setStartsAt] = useState(() => toLocalInputValue(new Date(lesson.startsAt), timeZone));
  const [duration, setDuration] = useState(() => lessonMinutes(lesson));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const start = fromLocalInputValue(startsAt, timeZone);
    if (start !== null) {
      onReschedule({ startsAt: start.toISOString(), endsAt: endAfter(start, Number(duration)).toISOString() });
    }
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <LessonTimeFields
        idPrefix="reschedule"
        startsAt={startsAt}
        duration={duration}
        onStartsAt={setStartsAt}
        onDuration={setDuration}
        fieldErrors={fieldErrors}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('lesson.saveReschedule')}
      </button>
    </form>
  );
}
