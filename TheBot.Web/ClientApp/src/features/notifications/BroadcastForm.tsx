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
import { PeoplePicker, type PickedPerson } from './PeoplePicker';
import { PersonSelectField } from '../../ui/PersonSelectField';
import { useQuery } from '@tanstack/react-query';
import { queryString, type PagedResult } from '../../api/paging';
import type { Schemas } from '../../api/schemas';
import type { ApiClient } from '../../api/ApiClient';

const ROLES = ['student', 'teacher', 'tutor', 'parent', 'admin'] as const;

/** Audiences other than everyone and a role: one tutor's students, one teacher's students, or hand-picked people. */
const TARGETS = ['tutor', 'teacher', 'users'] as const;

function staffQuery(api: ApiClient, role: 'tutor' | 'teacher') {
  return {
    queryKey: ['admin', 'users', 'of-role', role] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<Schemas['AdminUserListItem']>>(`/api/admin/users${queryString({ role, active: true, pageSize: 100 })}`, { signal }),
  };
}

/** The new broadcast: audience, text, priority, and optionally a time to send it (in the profile's time zone). */
export function BroadcastForm({ onSent }: { onSent: (broadcast: Broadcast) => void }) {
  const { t, timeZone } = useI18n();
  const api = useApi();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [link, setLink] = useState('');
  const [priority, setPriority] = useState('normal');
  const [audience, setAudience] = useState('everyone');
  const [tutorId, setTutorId] = useState('');
  const [includeParents, setIncludeParents] = useState(false);
  const [teacherId, setTeacherId] = useState('');
  const [people, setPeople] = useState<PickedPerson[]>([]);
  const tutors = useQuery({ ...staffQuery(api, 'tutor'), enabled: audience === 'target:tutor' });
  const teachers = useQuery({ ...staffQuery(api, 'teacher'), enabled: audience === 'target:teacher' });
  const isRoleAudience = (ROLES as readonly string[]).includes(audience);
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
        role: isRoleAudience ? audience : null,
        everyone: audience === 'everyone' ? true : null,
        tutorId: audience === 'target:tutor' ? tutorId : null,
        includeParents: audience === 'target:tutor' ? includeParents : null,
        teacherId: audience === 'target:teacher' ? teacherId : null,
        userIds: audience === 'target:users' ? people.map((person) => person.id) : null,
        sendAt: sendAtInstant === null ? null : sendAtInstant.toISOString(),
      }),
    onSuccess: (broadcast) => {
      setTitle('');
      setBody('');
      setLink('');
      setLater(false);
      setSendAt('');
      setPeople([]);
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
          ...TARGETS.map((target) => ({ value: `target:${target}`, label: t(`broadcasts.target.${target}`) })),
        ]}
        value={audience}
        errors={fieldErrors['role'] ?? fieldErrors['everyone']}
        onChange={(event) => setAudience(event.target.value)}
      />
      {audience === 'target:tutor' ? (
        <>
          <PersonSelectField
            name="broadcastTutor"
            label={t('broadcasts.tutor')}
            placeholder={t('broadcasts.choosePerson')}
            options={(tutors.data?.items ?? []).map((tutor) => ({ value: tutor.id, label: tutor.fullName }))}
            value={tutorId}
            errors={fieldErrors['tutorId']}
            onChange={(event) => setTutorId(event.target.value)}
          />
          <label className="checkbox">
            <input type="checkbox" name="broadcastIncludeParents" checked={includeParents} onChange={(event) => setIncludeParents(event.target.checked)} />{' '}
            {t('broadcasts.includeParents')}
          </label>
        </>
      ) : null}
      {audience === 'target:teacher' ? (
        <PersonSelectField
          name="broadcastTeacher"
          label={t('broadcasts.teacher')}
          placeholder={t('broadcasts.choosePerson')}
          options={(teachers.data?.items ?? []).map((teacher) => ({ value: teacher.id, label: teacher.fullName }))}
          value={teacherId}
          errors={fieldErrors['teacherId']}
          onChange={(event) => setTeacherId(event.target.value)}
        />
      ) : null}
      {audience === 'target:users' ? <PeoplePicker picked={people} onChange={setPeople} errors={fieldErrors['userIds']} /> : null}
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
        disabled={
          title.trim() === '' ||
          (later && sendAtInstant === null) ||
          (audience === 'target:tutor' && tutorId === '') ||
          (audience === 'target:teacher' && teacherId === '') ||
          (audience === 'target:users' && people.length === 0)
        }
      />
    </form>
  );
}
