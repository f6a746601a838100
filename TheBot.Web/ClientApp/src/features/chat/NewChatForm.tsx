import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { PersonSelectField } from '../../ui/PersonSelectField';
import { activeEnrollmentsQuery } from '../schedule/lessonsApi';
import { roomsKey, startDirectChat } from './chatApi';

/** Start (or reopen) a direct chat with someone the caller shares an enrollment with. */
export function NewChatForm() {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const enrollments = useQuery(activeEnrollmentsQuery(api));
  const [participantId, setParticipantId] = useState('');
  const contacts = useMemo(() => {
    const people = new Map<string, string>();
    for (const enrollment of enrollments.data?.items ?? []) {
      for (const person of [enrollment.student, enrollment.teacher]) {
        if (person.id !== user?.id) {
          people.set(person.id, person.fullName);
        }
      }
    }
    return [...people].map(([value, label]) => ({ value, label }));
  }, [enrollments.data, user?.id]);
  const mutation = useMutation({
    mutationFn: () => startDirectChat(api, participantId),
    onSuccess: (room) => {
      void queryClient.invalidateQueries({ queryKey: roomsKey });
      setParticipantId('');
      void navigate(`/chat/${room.id}`);
    },
  });
  if (contacts.length === 0) {
    return null;
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (participantId !== '') {
      mutation.mutate();
    }
  };
  return (
    <form className="new-chat" onSubmit={onSubmit}>
      <PersonSelectField
        name="chatWith"
        label={t('chat.startWith')}
        placeholder={t('common.choose')}
        options={contacts}
        value={participantId}
        onChange={(event) => setParticipantId(event.target.value)}
      />
      <button type="submit" className="button button--small" disabled={participantId === '' || mutation.isPending}>
        {t('chat.start')}
      </button>
      {mutation.isError ? <FormAlert message={describeError(mutation.error, t)} /> : null}
    </form>
  );
}
