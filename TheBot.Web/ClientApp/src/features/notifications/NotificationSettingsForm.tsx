import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { TextField } from '../../ui/TextField';
import { useAuth } from '../../auth/useAuth';
import { notificationSettingsQuery, notificationTypesFor, saveNotificationSettings } from './notificationsApi';
import { PushOnThisDevice } from './PushOnThisDevice';

/** Which kinds of notification to receive, and quiet hours (in the profile's time zone). */
export function NotificationSettingsForm() {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const query = useQuery(notificationSettingsQuery(api));
  const [disabled, setDisabled] = useState<string[]>([]);
  const [emailed, setEmailed] = useState<string[]>([]);
  const [pushed, setPushed] = useState<string[]>([]);
  const [telegrammed, setTelegrammed] = useState<string[]>([]);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (query.data) {
      setDisabled(query.data.disabledTypes);
      setEmailed(query.data.emailTypes);
      setPushed(query.data.pushTypes);
      setTelegrammed(query.data.telegramTypes);
      setStart(query.data.quietHoursStart ?? '');
      setEnd(query.data.quietHoursEnd ?? '');
    }
  }, [query.data]);

  const mutation = useMutation({
    mutationFn: () =>
      saveNotificationSettings(api, {
        disabledTypes: disabled,
        quietHoursStart: start === '' ? null : start,
        quietHoursEnd: end === '' ? null : end,
        ...(query.data && query.data.emailTypesAvailable.length > 0 ? { emailTypes: emailed } : {}),
        ...(query.data && query.data.pushTypesAvailable.length > 0 ? { pushTypes: pushed } : {}),
        ...(query.data && query.data.telegramTypesAvailable.length > 0 ? { telegramTypes: telegrammed } : {}),
      }),
    onSuccess: (settings) => {
      queryClient.setQueryData(notificationSettingsQuery(api).queryKey, settings);
      setSaved(true);
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    mutation.mutate();
  };
  const fieldErrors = isApiError(mutation.error) ? mutation.error.fieldErrors : {};

  return (
    <section className="panel" aria-labelledby="notification-settings">
      <h2 id="notification-settings">{t('notifications.settings')}</h2>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        <form className="form" onSubmit={onSubmit} noValidate>
          {query.data.pushTypesAvailable.length > 0 ? <PushOnThisDevice /> : null}
          <fieldset className="fieldset">
            <legend>{t('notifications.types')}</legend>
            {notificationTypesFor(user?.role).map((type) => (
              <div key={type} className="notification-type">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    name="notificationType"
                    value={type}
                    checked={!disabled.includes(type)}
                    onChange={(event) =>
                      setDisabled((current) => (event.target.checked ? current.filter((item) => item !== type) : [...current, type]))
                    }
                  />{' '}
                  {t(`notifications.type.${type}`)}
                </label>
                {query.data.emailTypesAvailable.includes(type) ? (
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      name="emailType"
                      value={type}
                      aria-label={`${t(`notifications.type.${type}`)}: ${t('notifications.byEmail')}`}
                      checked={emailed.includes(type)}
                      disabled={disabled.includes(type)}
                      onChange={(event) =>
                        setEmailed((current) => (event.target.checked ? [...current, type] : current.filter((item) => item !== type)))
                      }
                    />{' '}
                    {t('notifications.byEmail')}
                  </label>
                ) : null}
                {query.data.pushTypesAvailable.includes(type) ? (
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      name="pushType"
                      value={type}
                      aria-label={`${t(`notifications.type.${type}`)}: ${t('notifications.byPush')}`}
                      checked={pushed.includes(type)}
                      disabled={disabled.includes(type)}
                      onChange={(event) =>
                        setPushed((current) => (event.target.checked ? [...current, type] : current.filter((item) => item !== type)))
                      }
                    />{' '}
                    {t('notifications.byPush')}
                  </label>
                ) : null}
                {query.data.telegramTypesAvailable.includes(type) ? (
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      name="telegramType"
                      value={type}
                      aria-label={`${t(`notifications.type.${type}`)}: ${t('notifications.inTelegram')}`}
                      checked={telegrammed.includes(type)}
                      disabled={disabled.includes(type)}
                      onChange={(event) =>
                        setTelegrammed((current) => (event.target.checked ? [...current, type] : current.filter((item) => item !== type)))
                      }
                    />{' '}
                    {t('notifications.inTelegram')}
                  </label>
                ) : null}
              </div>
            ))}
            {query.data.emailTypesAvailable.length > 0 && user?.email ? (
              <p className="hint">{t('notifications.emailHint', { email: user.email })}</p>
            ) : null}
            {query.data.emailRefused ? (
              <FormAlert message={t('notifications.emailRefused', { email: query.data.emailRefused.address, reason: query.data.emailRefused.reason ?? '' })} />
            ) : null}
          </fieldset>
          <TextField
            name="quietStart"
            label={t('notifications.quietStart')}
            type="time"
            value={start}
            errors={fieldErrors['quietHoursStart']}
            onChange={(event) => setStart(event.target.value)}
          />
          <TextField
            name="quietEnd"
            label={t('notifications.quietEnd')}
            type="time"
            value={end}
            hint={t('notifications.quietHint', { zone: query.data.timeZone })}
            errors={fieldErrors['quietHoursEnd']}
            onChange={(event) => setEnd(event.target.value)}
          />
          {mutation.isError ? <FormAlert message={describeError(mutation.error, t)} /> : null}
          {saved ? <FormAlert tone="success" message={t('notifications.saved')} /> : null}
          <FormActions submitLabel={t('common.save')} busy={mutation.isPending} busyLabel={t('common.saving')} />
        </form>
      ) : null}
    </section>
  );
}
