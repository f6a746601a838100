import { CircleAlert, Inbox, RefreshCw } from 'lucide-react';
import { useI18n } from '../i18n/I18nContext';
import { describeError } from './describeError';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">
        <CircleAlert className="icon" size={20} aria-hidden="true" focusable="false" />
        {t('error.title')}
      </p>
      <p>{describeError(error, t)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          <RefreshCw className="icon" size={18} aria-hidden="true" focusable="false" />
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ message }: { message?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state--empty">
      <Inbox className="state__icon icon" size={28} aria-hidden="true" focusable="false" />
      <p>{message ?? t('common.empty')}</p>
    </div>
  );
}
