import type { FieldErrors } from '../../api/problemDetails';
import { useI18n } from '../../i18n/I18nContext';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { durationChoices } from './lessonTimes';

/** When a lesson starts and how long it lasts (booking and rescheduling); the server's startsAt/endsAt errors show here. */
export function LessonTimeFields({
  idPrefix,
  startsAt,
  duration,
  onStartsAt,
  onDuration,
  fieldErrors,
}: {
  idPrefix: string;
  startsAt: string;
  duration: string;
  onStartsAt: (value: string) => void;
  onDuration: (value: string) => void;
  fieldErrors: FieldErrors;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        name={`${idPrefix}Start`}
        label={t('lesson.start')}
        type="datetime-local"
        value={startsAt}
        required
        errors={fieldErrors['startsAt']}
        onChange={(event) => onStartsAt(event.target.value)}
      />
      <SelectField
        name={`${idPrefix}Duration`}
        label={t('lesson.duration')}
        options={durationChoices(duration).map((minutes) => ({ value: minutes, label: t('lesson.minutes', { minutes }) }))}
        value={duration}
        errors={fieldErrors['endsAt']}
        onChange={(event) => onDuration(event.target.value)}
      />
    </>
  );
}
