import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { ROLES } from '../../auth/types';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { PagedList } from '../../ui/PagedList';
import { SearchBox } from '../../ui/SearchBox';
import { SelectField } from '../../ui/SelectField';
import { CreateUserForm } from './CreateUserForm';
import { usersQuery, type UserFilter } from './usersApi';
import { UserRow } from './UserRow';
import { BulkActionsBar } from './BulkActionsBar';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** Every account: search, filter by role and state, page through, add, and manage each one. */
export function UsersPage() {
  const { t } = useI18n();
  const api = useApi();
  const [params] = useSearchParams();
  // The dashboard's counts link here with their filter (?role=student&active=true).
  const [filter, setFilter] = useState<UserFilter>(() => ({
    search: '',
    role: ROLES.find((role) => role === params.get('role')) ?? '',
    active: ['true', 'false'].find((active) => active === params.get('active')) ?? '',
    page: 1,
  }));
  const [creating, setCreating] = useState(false);
  // Ticked users, kept across pages and filters until the admin clears them.
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (ids: readonly string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) {
          next.add(id);
        } else {
          next.delete(id);
        }
      }
      return next;
    });
  const query = useQuery({ ...usersQuery(api, filter), placeholderData: keepPreviousData });
  const refine = (changes: Partial<UserFilter>) => setFilter((current) => ({ ...current, ...changes, page: changes.page ?? 1 }));

  return (
    <section className="page">
      <PageHeading title={t('users.title')}>{t('users.title')}</PageHeading>
      {creating ? (
        <CreateUserForm onClose={() => setCreating(false)} />
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('users.new')}
          </button>
        </div>
      )}
      <div className="toolbar">
        <SearchBox label={t('users.search')} name="userSearch" onSearch={(search) => refine({ search })} />
        <SelectField
          name="roleFilter"
          label={t('users.role')}
          placeholder={t('common.all')}
          options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          value={filter.role}
          onChange={(event) => refine({ role: event.target.value })}
        />
        <SelectField
          name="activeFilter"
          label={t('users.state')}
          placeholder={t('common.all')}
          options={[
            { value: 'true', label: t('users.active') },
            { value: 'false', label: t('users.inactive') },
          ]}
          value={filter.active}
          onChange={(event) => refine({ active: event.target.value })}
        />
      </div>
      {selected.size > 0 ? <BulkActionsBar selected={[...selected]} onClear={() => setSelected(new Set())} /> : null}
      <PagedList query={query} empty={t('users.empty')} onPage={(page) => refine({ page })}>
        {(items, page) => (
          <>
            <p className="muted">{t('users.count', { count: page.totalCount })}</p>
            <ScrollRegion label={t('users.title')}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label={t('users.bulk.selectPage')}
                        checked={items.length > 0 && items.every((user) => selected.has(user.id))}
                        onChange={(event) => toggle(items.map((user) => user.id), event.target.checked)}
                      />
                    </th>
                    <th scope="col">{t('users.person')}</th>
                    <th scope="col">{t('users.role')}</th>
                    <th scope="col">{t('users.state')}</th>
                    <th scope="col">{t('users.createdAt')}</th>
                    <th scope="col">{t('users.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((user) => (
                    <UserRow key={user.id} user={user} selected={selected.has(user.id)} onSelect={(on) => toggle([user.id], on)} />
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </>
        )}
      </PagedList>
    </section>
  );
}
