import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { fromLocalInputValue } from '../schedule/week';
import type { Broadcast } from './broadcastsApi';
import { PRIORITIES, sendBroadcast } from './notificationsApi';

const ROLES = ['student', 'teacher', 'tutor', 'parent', 'admin'] as const;

/** The new broadcast: audience, text, priority, and optionally a time to send it (in the profile's time zone). */
export function BroadcastForm({ onSent }: { onSent: (broadcast: Broadcast) => void }) {
  const { t, timeZone } = useI18n();
  const api = useApi();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [link, setLink] = useState('');
  const [priority, setPriority] = useState('normal');
  const [audience, setAudience] = useState('everyone');
  const [later, setLater] = useState(false);
  const [sendAt, setSendAt] = useState('');
  const sendAtInstant = later ? fromLocalInputValue(sendAt, timeZone) : null;
  const mutation = useMutation({
    mutationFn: () =>
      sendBroadcast(api, {
        title: title.trim(),
        body: body.trim() === '' ? null : body.trim(),
        link: link.trim() === '' ? null : link.trim(),
        priority,
        role: audience === 'everyone' ? null : audience,
        everyone: audience === 'everyone',
        sendAt: sendAtInstant === null ? null : sendAtInstant.toISOString(),
      }),
    onSuccess: (broadcast) => {
      setTitle('');
      setBody('');
      setLink('');
      setLater(false);
      setSendAt('');
      onSent(broadcast);
    },
  });
  const fieldErrors = isApiError(mutation.error) ? mutation.error.fieldErrors : {};
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate>
      <SelectField
        name="broadcastAudience"
        label={t('broadcasts.audience')}
        options={[
          { value: 'everyone', label: t('broadcasts.everyone') },
          ...ROLES.map((role) => ({ value: role, label: t('broadcasts.allOfRole', { role: t(`role.${role}`) }) })),
        ]}
        value={audience}
        errors={fieldErrors['role']}
        onChange={(event) => setAudience(event.target.value)}
      />
      <TextField
        name="broadcastTitle"
        label={t('broadcasts.messageTitle')}
        value={title}
        required
        maxLength={200}
        errors={fieldErrors['title']}
        onChange={(event) => setTitle(event.target.value)}
      />
      <TextAreaField
        name="broadcastBody"
        label={t('broadcasts.body')}
        value={body}
        maxLength={4000}
        rows={4}
        errors={fieldErrors['body']}
        onChange={(event) => setBody(event.target.value)}
      />
      <TextField
        name="broadcastLink"
        label={t('broadcasts.link')}
        hint={t('broadcasts.linkHint')}
        value={link}
        maxLength={500}
        errors={fieldErrors['link']}
        onChange={(event) => setLink(event.target.value)}
      />
      <SelectField
        name="broadcastPriority"
        label={t('broadcasts.priority')}
        options={PRIORITIES.map((value) => ({ value, label: t(`notifications.priority.${value}`) }))}
        value={priority}
        errors={fieldErrors['priority']}
        onChange={(event) => setPriority(event.target.value)}
      />
      <label className="checkbox">
        <input type="checkbox" name="broadcastLater" checked={later} onChange={(event) => setLater(event.target.checked)} />{' '}
        {t('broadcasts.sendLater')}
      </label>
      {later ? (
        <TextField
          name="broadcastSendAt"
          label={t('broadcasts.sendAt')}
          hint={t('broadcasts.sendAtHint', { zone: timeZone })}
          type="datetime-local"
          value={sendAt}
          required
          errors={fieldErrors['sendAt']}
          onChange={(event) => setSendAt(event.target.value)}
        />
      ) : null}
      {mutation.isError ? <FormAlert message={describeError(mutation.error, t)} /> : null}
      {mutation.isSuccess ? (
        <FormAlert tone="success" message={mutation.data.status === 'scheduled' ? t('broadcasts.scheduled') : t('broadcasts.sent')} />
      ) : null}
      <FormActions
        submitLabel={later ? t('broadcasts.schedule') : t('broadcasts.send')}
        busy={mutation.isPending}
        busyLabel={t('broadcasts.sending')}
        disabled={title.trim() === '' || (later && sendAtInstant === null)}
      />
    </form>
  );
}
