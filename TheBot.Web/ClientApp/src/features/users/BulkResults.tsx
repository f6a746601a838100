import { useI18n } from '../../i18n/I18nContext';
import { OneTimeSecret } from '../../ui/OneTimeSecret';
import { ScrollRegion } from '../../ui/ScrollRegion';
import type { BulkUserActionResult } from './usersApi';

const REASONS = ['not-found', 'already-inactive', 'already-active', 'self', 'not-a-student', 'already-assigned'] as const;

/** Each selected user's outcome of a bulk action: done, or skipped and why; new temporary passwords shown once. */
export function BulkResults({ result }: { result: BulkUserActionResult }) {
  const { t } = useI18n();
  return (
    <div className="bulk-results" data-testid="bulk-results">
      <p role="status">{t('users.bulk.summary', { done: result.done, skipped: result.skipped })}</p>
      <ScrollRegion label={t('users.bulk.results')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('users.person')}</th>
              <th scope="col">{t('users.bulk.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {result.results.map((row) => (
              <tr key={row.userId} data-outcome={row.outcome}>
                <td>{row.fullName ?? row.userId}</td>
                <td>
                  <span className={row.outcome === 'done' ? 'badge badge--approved' : 'badge badge--neutral'}>
                    {row.outcome === 'done' ? t('users.bulk.done') : t('users.bulk.skipped')}
                  </span>{' '}
                  {row.reason !== null && (REASONS as readonly string[]).includes(row.reason) ? t(`users.bulk.reason.${row.reason as (typeof REASONS)[number]}`) : row.reason}
                  {row.temporaryPassword ? <OneTimeSecret label={t('users.temporaryPassword')} value={row.temporaryPassword} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
