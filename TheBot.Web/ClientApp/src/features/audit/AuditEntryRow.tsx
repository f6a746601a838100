import { useState } from 'react';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useI18n } from '../../i18n/I18nContext';
import type { AuditEntry } from './auditApi';
import { actionLabel, entityTypeLabel } from './auditText';

/** One row of the log; opening it shows each field's before → after and where the change came from. */
export function AuditEntryRow({ entry }: { entry: AuditEntry }) {
  const { t, formatDateTime } = useI18n();
  const [open, setOpen] = useState(false);
  const Icon = open ? ChevronDown : ChevronRight;
  return (
    <>
      <tr data-entry={entry.id}>
        <td>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-expanded={open}
            aria-label={open ? t('audit.hideChanges') : t('audit.showChanges')}
            onClick={() => setOpen((current) => !current)}
          >
            <Icon className="icon" size={18} aria-hidden="true" focusable="false" />
          </button>
        </td>
        <td>{formatDateTime(entry.at)}</td>
        <td>
          {entry.actor.name}
          <span className="muted"> · {t(`role.${entry.actor.role}`)}</span>
        </td>
        <td>{actionLabel(entry.action, t)}</td>
        <td>
          <span className="muted">{entityTypeLabel(entry.entity.type, t)}: </span>
          {entry.entity.label}
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={5}>
            {entry.changes.length === 0 ? (
              <p className="muted">{t('audit.noChanges')}</p>
            ) : (
              <table className="table">
                <caption className="visually-hidden">{t('audit.changes')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.field')}</th>
                    <th scope="col">{t('audit.before')}</th>
                    <th scope="col">{t('audit.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.changes.map((change) => (
                    <tr key={change.field}>
                      <th scope="row">{change.field}</th>
                      <td className="audit-value">{change.before ?? '—'}</td>
                      <td className="audit-value">{change.after ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="muted">
              {t('audit.from', { ip: entry.clientIp ?? '—', agent: entry.userAgent ?? '—' })}
              {' · '}
              {t('audit.entityId', { id: entry.entity.id })}
            </p>
          </td>
        </tr>
      ) : null}
    </>
  );
}
