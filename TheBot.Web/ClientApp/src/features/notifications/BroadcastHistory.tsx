import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PagedList } from '../../ui/PagedList';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { broadcastsQuery, isBroadcastStatus, isInFlight, statusTone } from './broadcastsApi';
import { BroadcastTarget } from './BroadcastTarget';

/** Broadcasts, newest first, with their recipients counted by status; refreshed while one is still going out. */
export function BroadcastHistory({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const [page, setPage] = useState(1);
  const query = useQuery({
    ...broadcastsQuery(api, page),
    placeholderData: keepPreviousData,
    refetchInterval: (current) => (current.state.data?.items.some(isInFlight) ? 3000 : false),
  });

  return (
    <div className="broadcast-history">
      <h2 id="broadcast-history-heading">{t('broadcasts.history')}</h2>
      <PagedList query={query} empty={t('broadcasts.empty')} onPage={setPage}>
        {(items) => (
          <ScrollRegion label={t('broadcasts.history')}>
            <table className="table" data-testid="broadcast-history">
              <caption className="visually-hidden">{t('broadcasts.history')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('broadcasts.when')}</th>
                  <th scope="col">{t('broadcasts.messageTitle')}</th>
                  <th scope="col">{t('broadcasts.audience')}</th>
                  <th scope="col">{t('broadcasts.status')}</th>
                  <th scope="col">{t('broadcasts.recipients')}</th>
                  <th scope="col">{t('broadcasts.read')}</th>
                  <th scope="col">{t('broadcasts.count.sent')}</th>
                  <th scope="col">{t('broadcasts.count.failed')}</th>
                  <th scope="col">{t('broadcasts.count.waiting')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('broadcasts.details')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((broadcast) => (
                  <tr key={broadcast.id} data-broadcast-id={broadcast.id} aria-current={broadcast.id === selected ? 'true' : undefined}>
                    <td>{formatDateTime(broadcast.sendAt)}</td>
                    <td>{broadcast.title}</td>
                    <td>
                      <BroadcastTarget broadcast={broadcast} />
                    </td>
                    <td>
                      <span className={`badge badge--${statusTone(broadcast.status)}`} data-status={broadcast.status}>
                        {isBroadcastStatus(broadcast.status) ? t(`broadcasts.status.${broadcast.status}`) : broadcast.status}
                      </span>
                    </td>
                    <td>{broadcast.counts.recipients}</td>
                    <td>{broadcast.read}</td>
                    <td>{broadcast.counts.sent}</td>
                    <td>{broadcast.counts.failed}</td>
                    <td>{broadcast.counts.waiting}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('broadcasts.detailsOf', { title: broadcast.title })}
                        onClick={() => onSelect(broadcast.id)}
                      >
                        {t('broadcasts.details')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </PagedList>
    </div>
  );
}
