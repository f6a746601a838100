import { useQuery } from '@tanstack/react-query';
import { UserPlus, X } from 'lucide-react';
import { useId, useState } from 'react';
import type { ApiClient } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { Schemas } from '../../api/schemas';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';

type Person = Schemas['AdminUserListItem'];

export interface PickedPerson {
  id: string;
  fullName: string;
}

function peopleSearchQuery(api: ApiClient, search: string) {
  return {
    queryKey: ['admin', 'users', 'people-search', search] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<Person>>(`/api/admin/users${queryString({ search, active: true, pageSize: 10 })}`, { signal }),
  };
}

/** Hand-picks people for a broadcast: search active users by name or email, add them, remove them again. */
export function PeoplePicker({ picked, onChange, errors }: { picked: readonly PickedPerson[]; onChange: (people: PickedPerson[]) => void; errors?: readonly string[] | undefined }) {
  const { t } = useI18n();
  const api = useApi();
  const [search, setSearch] = useState('');
  const id = useId();
  const term = search.trim();
  const results = useQuery({ ...peopleSearchQuery(api, term), enabled: term.length >= 2 });
  const pickedIds = new Set(picked.map((person) => person.id));

  return (
    <fieldset className="people-picker" data-testid="people-picker">
      <legend>{t('broadcasts.people', { count: picked.length })}</legend>
      {picked.length > 0 ? (
        <ul className="chips">
          {picked.map((person) => (
            <li key={person.id} className="chip">
              {person.fullName}{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('broadcasts.removePerson', { name: person.fullName })}
                onClick={() => onChange(picked.filter((other) => other.id !== person.id))}
              >
                <X size={14} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label className="field__label" htmlFor={id}>
        {t('broadcasts.findPeople')}
      </label>
      <input id={id} className="field__control" type="search" name="broadcastPeopleSearch" value={search} onChange={(event) => setSearch(event.target.value)} />
      {errors && errors.length > 0 ? (
        <p className="field__errors" role="alert">
          {errors.join(' ')}
        </p>
      ) : null}
      {term.length >= 2 && results.data ? (
        results.data.items.length === 0 ? (
          <p className="muted">{t('users.empty')}</p>
        ) : (
          <ul className="people-picker__results">
            {results.data.items.map((person) => (
              <li key={person.id}>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={pickedIds.has(person.id)}
                  onClick={() => onChange([...picked, { id: person.id, fullName: person.fullName }])}
                >
                  <UserPlus size={14} aria-hidden="true" /> {person.fullName}
                </button>{' '}
                <span className="muted">
                  {person.email} · {t(`role.${person.role}`)}
                </span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </fieldset>
  );
}
