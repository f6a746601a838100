import { useI18n } from '../i18n/I18nContext';
import { useRealtime } from '../realtime/RealtimeContext';

/** A small dot with a text alternative: are live updates arriving? */
export function RealtimeIndicator() {
  const { t } = useI18n();
  const { status } = useRealtime();
  const label = t(`realtime.${status}`);
  return (
    <span className={`realtime realtime--${status}`} role="status" title={label}>
      <span className="realtime__dot" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
