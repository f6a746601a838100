import { useEffect, useState } from 'react';
import { RefreshCw, WifiOff } from 'lucide-react';
import { useI18n } from '../i18n/I18nContext';
import { applyUpdate, onUpdateWaiting } from './serviceWorker';

/** "A new version is ready — Update now / Later" once the service worker has one waiting; and a note when offline. */
export function UpdatePrompt() {
  const { t } = useI18n();
  const [waiting, setWaiting] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [offline, setOffline] = useState(() => typeof navigator !== 'undefined' && navigator.onLine === false);

  useEffect(() => onUpdateWaiting(setWaiting), []);
  useEffect(() => {
    const update = () => setOffline(!navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  return (
    <>
      {offline ? (
        <p className="alert alert--warning banner app-banner" role="status">
          <WifiOff className="icon" size={18} aria-hidden="true" focusable="false" />
          {t('pwa.offline')}
        </p>
      ) : null}
      {waiting && !dismissed ? (
        <div className="alert alert--info banner app-banner update-prompt" role="status">
          <RefreshCw className="icon" size={18} aria-hidden="true" focusable="false" />
          <span>{t('pwa.updateAvailable')}</span>
          <span className="update-prompt__actions">
            <button type="button" className="button button--small" onClick={applyUpdate}>
              {t('pwa.update')}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setDismissed(true)}>
              {t('pwa.later')}
            </button>
          </span>
        </div>
      ) : null}
    </>
  );
}
