import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { useApi } from '../../services/ServicesContext';
import { browserPushEnvironment, disablePush, enablePush, pushState, renewPush, type PushState } from '../../pwa/webPush';

/**
 * "Push notifications on this device": on asks the browser's permission and subscribes, off unsubscribes. Acts at
 * once (no Save); an existing subscription is sent again when the settings open, so the server keeps it fresh.
 */
export function PushOnThisDevice() {
  const { t } = useI18n();
  const api = useApi();
  const env = useMemo(browserPushEnvironment, []);
  const [state, setState] = useState<PushState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    pushState(env)
      .then((current) => {
        if (live) {
          setState(current);
        }
        if (current === 'on') {
          void renewPush(api, env).catch(() => undefined);
        }
      })
      .catch(() => {
        if (live) {
          setState('unsupported');
        }
      });
    return () => {
      live = false;
    };
  }, [api, env]);

  if (state === null) {
    return null;
  }

  const toggle = async (on: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setState(await (on ? enablePush(api, env) : disablePush(api, env)));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const hint = state === 'blocked' ? 'notifications.pushBlocked' : state === 'unsupported' ? 'notifications.pushUnsupported' : 'notifications.pushHint';
  return (
    <div className="push-device">
      <label className="checkbox">
        <input
          type="checkbox"
          role="switch"
          name="pushOnThisDevice"
          checked={state === 'on'}
          disabled={busy || state === 'blocked' || state === 'unsupported'}
          aria-describedby="push-device-hint"
          onChange={(event) => void toggle(event.target.checked)}
        />{' '}
        {t('notifications.pushDevice')}
      </label>
      <p className="hint" id="push-device-hint">
        {t(hint)}
      </p>
      {error !== null ? <FormAlert message={describeError(error, t)} /> : null}
    </div>
  );
}
