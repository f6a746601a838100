import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { PersonSelectField } from '../../ui/PersonSelectField';
import { CONTACTS_PAGE_SIZE, chatContactsQuery, roomsKey, startDirectChat, type ChatContact } from './chatApi';

/**
 * Start (or reopen) a direct chat with someone the caller may chat with (GET /api/chat/contacts: the server's rules).
 * Up to a page of contacts are picked from the list (searchable in the browser); more (an admin's whole centre) are
 * searched on the server by name.
 */
export function NewChatForm() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [participantId, setParticipantId] = useState('');
  const [search, setSearch] = useState('');
  const term = useDeferredValue(search.trim());
  const everyone = useQuery(chatContactsQuery(api, ''));
  const many = (everyone.data?.totalCount ?? 0) > CONTACTS_PAGE_SIZE;
  const searched = useQuery({ ...chatContactsQuery(api, term), enabled: many && term !== '' });
  const shown = many && term !== '' ? searched.data : everyone.data;
  const contacts = useMemo(
    () => (shown?.items ?? []).map((contact: ChatContact) => ({ value: contact.id, label: `${contact.fullName} · ${t(`role.${contact.role}`)}` })),
    [shown, t],
  );
  const mutation = useMutation({
    mutationFn: () => startDirectChat(api, participantId),
    onSuccess: (room) => {
      void queryClient.invalidateQueries({ queryKey: roomsKey });
      setParticipantId('');
      void navigate(`/chat/${room.id}`);
    },
  });
  if ((everyone.data?.totalCount ?? 0) === 0) {
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
      {many ? (
        <input
          type="search"
          className="field__control picker__search"
          name="chatWithSearch"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={t('chat.searchPeople')}
          aria-label={t('chat.searchPeople')}
          aria-controls="chatWith"
        />
      ) : null}
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
