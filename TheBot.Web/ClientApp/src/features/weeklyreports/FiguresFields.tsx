import { useI18n } from '../../i18n/I18nContext';
import { TextField } from '../../ui/TextField';
import type { FiguresDraft, WeeklyFigures } from './weeklyReportsApi';

/** The week's attendance and average score, filled in by the server and corrected here. */
export function FiguresFields({
  figures,
  onChange,
  errors,
}: {
  figures: FiguresDraft;
  onChange: (figures: FiguresDraft) => void;
  errors: Readonly<Record<string, readonly string[]>>;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="form__group">
      <legend>{t('weeklyReports.figures')}</legend>
      <p className="hint">{t('weeklyReports.figuresHint')}</p>
      <TextField name="lessonsAttended" type="number" min={0} max={100} inputMode="numeric" label={t('weeklyReports.lessonsAttended')} value={figures.lessonsAttended} errors={errors['lessonsAttended']} onChange={(event) => onChange({ ...figures, lessonsAttended: event.target.value })} />
      <TextField name="lessonsScheduled" type="number" min={0} max={100} inputMode="numeric" label={t('weeklyReports.lessonsScheduled')} value={figures.lessonsScheduled} errors={errors['lessonsScheduled']} onChange={(event) => onChange({ ...figures, lessonsScheduled: event.target.value })} />
      <TextField name="averageScore" type="number" min={0} max={100} step={0.1} inputMode="decimal" label={t('weeklyReports.averageScore')} hint={t('weeklyReports.averageScoreHint')} value={figures.averageScore} errors={errors['averageScore']} onChange={(event) => onChange({ ...figures, averageScore: event.target.value })} />
    </fieldset>
  );
}

/** "2 of 3 lessons · average 80%" */
export function FiguresLine({ figures }: { figures: WeeklyFigures }) {
  const { t } = useI18n();
  return (
    <p className="weekly-report__figures">
      {t('weeklyReports.attendanceLine', { attended: figures.lessonsAttended, scheduled: figures.lessonsScheduled })}
      {' · '}
      {figures.averageScore === null || figures.averageScore === undefined
        ? t('weeklyReports.noScore')
        : t('weeklyReports.scoreLine', { score: String(figures.averageScore) })}
    </p>
  );
}
