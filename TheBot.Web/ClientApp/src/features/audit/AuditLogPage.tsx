import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { PagedList } from '../../ui/PagedList';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditQuery, emptyAuditFilter, isIdFilter, type AuditFilter } from './auditApi';
import { AuditEntryRow } from './AuditEntryRow';
import { actionLabel, entityTypeLabel } from './auditText';

/** Who changed what, newest first: filter by person, kind of thing, thing, action and days; open a row for before → after. */
export function AuditLogPage() {
  const { t } = useI18n();
  const api = useApi();
  const [params] = useSearchParams();
  // Other pages may link here with a filter (?entityId=…, ?actorId=…).
  const [filter, setFilter] = useState<AuditFilter>(() => ({
    ...emptyAuditFilter,
    actorId: params.get('actorId') ?? '',
    entityId: params.get('entityId') ?? '',
    entityType: params.get('entityType') ?? '',
  }));
  const query = useQuery({ ...auditQuery(api, filter), placeholderData: keepPreviousData });
  const refine = (changes: Partial<AuditFilter>) => setFilter((current) => ({ ...current, ...changes, page: changes.page ?? 1 }));

  return (
    <section className="page">
      <PageHeading title={t('audit.title')}>{t('audit.title')}</PageHeading>
      <p className="muted">{t('audit.intro')}</p>
      <div className="toolbar">
        <SelectField
          name="auditEntityType"
          label={t('audit.entityType')}
          placeholder={t('common.all')}
          options={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: entityTypeLabel(type, t) }))}
          value={filter.entityType}
          onChange={(event) => refine({ entityType: event.target.value })}
        />
        <SelectField
          name="auditAction"
          label={t('audit.action')}
          placeholder={t('common.all')}
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(action, t) }))}
          value={filter.action}
          onChange={(event) => refine({ action: event.target.value })}
        />
        <TextField
          name="auditFrom"
          label={t('audit.fromDate')}
          type="date"
          value={filter.from}
          onChange={(event) => refine({ from: event.target.value })}
        />
        <TextField name="auditTo" label={t('audit.toDate')} type="date" value={filter.to} onChange={(event) => refine({ to: event.target.value })} />
        <TextField
          name="auditActorId"
          label={t('audit.actorId')}
          value={filter.actorId}
          errors={isIdFilter(filter.actorId) ? undefined : [t('audit.idInvalid')]}
          onChange={(event) => refine({ actorId: event.target.value })}
        />
        <TextField
          name="auditEntityId"
          label={t('audit.entityIdFilter')}
          value={filter.entityId}
          errors={isIdFilter(filter.entityId) ? undefined : [t('audit.idInvalid')]}
          onChange={(event) => refine({ entityId: event.target.value })}
        />
      </div>
      <PagedList query={query} empty={t('audit.empty')} onPage={(page) => refine({ page })}>
        {(items, page) => (
          <>
            <p className="muted">{t('audit.count', { count: page.totalCount })}</p>
            <ScrollRegion label={t('audit.title')}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">{t('audit.changes')}</span>
                    </th>
                    <th scope="col">{t('audit.at')}</th>
                    <th scope="col">{t('audit.actor')}</th>
                    <th scope="col">{t('audit.action')}</th>
                    <th scope="col">{t('audit.entity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((entry) => (
                    <AuditEntryRow key={entry.id} entry={entry} />
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
