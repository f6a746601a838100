import { Timer } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { formatCountdown, secondsLeft } from './assignmentsApi';

/** The time left of an open attempt, ticking each second; "time is up" once the deadline has passed. */
export function AttemptCountdown({ deadlineAt }: { deadlineAt: string }) {
  const { t, formatDateTime } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = secondsLeft(deadlineAt, now);
  return (
    <p className="attempt-countdown" data-countdown={left > 0 ? 'running' : 'over'}>
      <Timer className="icon" size={18} aria-hidden="true" focusable="false" />{' '}
      {left > 0 ? (
        <>
          {t('assignments.timeLeft')}{' '}
          <strong role="timer">
            {formatCountdown(left)}
          </strong>{' '}
          <span className="muted">
            ({t('assignments.handInBy', { time: formatDateTime(deadlineAt) })})
          </span>
        </>
      ) : (
        <strong role="status">{t('assignments.timeUp')}</strong>
      )}
    </p>
  );
}
