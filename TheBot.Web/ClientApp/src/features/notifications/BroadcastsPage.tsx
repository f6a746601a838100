import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { PRIORITIES, sendBroadcast } from './notificationsApi';

const ROLES = ['student', 'teacher', 'tutor', 'parent', 'admin'] as const;

/** Admins notify everyone, or everyone of one role. */
export function BroadcastsPage() {
  const { t } = useI18n();
  const api = useApi();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [link, setLink] = useState('');
  const [priority, setPriority] = useState('normal');
  const [audience, setAudience] = useState('everyone');
  const mutation = useMutation({
    mutationFn: () =>
      sendBroadcast(api, {
        title: title.trim(),
        body: body.trim() === '' ? null : body.trim(),
        link: link.trim() === '' ? null : link.trim(),
        priority,
        role: audience === 'everyone' ? null : audience,
        everyone: audience === 'everyone',
      }),
    onSuccess: () => {
      setTitle('');
      setBody('');
      setLink('');
    },
  });
  const fieldErrors = isApiError(mutation.error) ? mutation.error.fieldErrors : {};
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <section className="page">
      <PageHeading title={t('broadcasts.title')}>{t('broadcasts.title')}</PageHeading>
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
        {mutation.isError ? <FormAlert message={describeError(mutation.error, t)} /> : null}
        {mutation.isSuccess ? (
          <FormAlert tone="success" message={t('broadcasts.sent')} />
        ) : null}
        <FormActions
          submitLabel={t('broadcasts.send')}
          busy={mutation.isPending}
          busyLabel={t('broadcasts.sending')}
          disabled={title.trim() === ''}
        />
      </form>
    </section>
  );
}
