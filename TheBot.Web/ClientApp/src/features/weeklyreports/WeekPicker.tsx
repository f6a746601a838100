import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useI18n } from '../../i18n/I18nContext';
import { shiftWeek } from '../studyplans/studyPlansApi';
import { formatWeekStart } from '../studyplans/weeks';

/** Previous / next week around the week shown, and back to the current one. */
export function WeekPicker({ weekStart, currentWeek, onWeek }: { weekStart: string; currentWeek: string; onWeek: (week: string | null) => void }) {
  const { t, language } = useI18n();
  const label = t('weeklyReports.week', { date: formatWeekStart(weekStart, language) });
  return (
    <div className="actions actions--compact week-picker" role="group" aria-label={label}>
      <button type="button" className="button button--secondary button--small" onClick={() => onWeek(shiftWeek(weekStart, -1))}>
        <ChevronLeft aria-hidden="true" size={16} /> {t('studyPlans.previousWeek')}
      </button>
      <strong className="week-picker__label" aria-live="polite">
        {label}
      </strong>
      <button type="button" className="button button--secondary button--small" onClick={() => onWeek(shiftWeek(weekStart, 1))}>
        {t('studyPlans.nextWeek')} <ChevronRight aria-hidden="true" size={16} />
      </button>
      {weekStart !== currentWeek ? (
        <button type="button" className="button button--secondary button--small" onClick={() => onWeek(null)}>
          {t('studyPlans.thisWeek')}
        </button>
      ) : null}
    </div>
  );
}
