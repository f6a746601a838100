import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { PagedList } from '../../ui/PagedList';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { SelectField } from '../../ui/SelectField';
import { DELIVERY_STATUSES, deliveriesQuery, deliveryTone, isDeliveryStatus } from './deliveriesApi';

/** Admin: notifications sent outside the app (e-mail) — status, channel, recipient, attempts, why one failed. */
export function DeliveriesPage() {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const query = useQuery({ ...deliveriesQuery(api, { status, page }), placeholderData: keepPreviousData });

  return (
    <section className="page">
      <PageHeading title={t('deliveries.title')}>{t('deliveries.title')}</PageHeading>
      <p className="muted">{t('deliveries.intro')}</p>
      <div className="toolbar">
        <SelectField
          name="deliveryStatusFilter"
          label={t('deliveries.status')}
          placeholder={t('common.all')}
          options={DELIVERY_STATUSES.map((value) => ({ value, label: t(`deliveries.status.${value}`) }))}
          value={status}
          onChange={(event) => {
            setStatus(event.target.value);
            setPage(1);
          }}
        />
      </div>
      <PagedList query={query} empty={t('deliveries.empty')} onPage={setPage}>
        {(items) => (
          <ScrollRegion label={t('deliveries.title')}>
            <table className="table">
              <caption className="visually-hidden">{t('deliveries.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('deliveries.createdAt')}</th>
                  <th scope="col">{t('deliveries.status')}</th>
                  <th scope="col">{t('deliveries.channel')}</th>
                  <th scope="col">{t('deliveries.recipient')}</th>
                  <th scope="col">{t('deliveries.notification')}</th>
                  <th scope="col">{t('deliveries.attempts')}</th>
                  <th scope="col">{t('deliveries.error')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((delivery) => (
                  <tr key={delivery.id} data-status={delivery.status}>
                    <td>{formatDateTime(delivery.createdAt)}</td>
                    <td>
                      <span className={`badge badge--${deliveryTone(delivery.status)}`}>
                        {isDeliveryStatus(delivery.status) ? t(`deliveries.status.${delivery.status}`) : delivery.status}
                      </span>
                      {delivery.sentAt ? <span className="muted"> · {formatDateTime(delivery.sentAt)}</span> : null}
                      {delivery.status === 'pending' ? (
                        <span className="muted"> · {t('deliveries.nextAttempt', { at: formatDateTime(delivery.nextAttemptAt) })}</span>
                      ) : null}
                    </td>
                    <td>{delivery.channel === 'email' ? t('deliveries.channel.email') : delivery.channel === 'push' ? t('deliveries.channel.push') : delivery.channel === 'telegram' ? t('deliveries.channel.telegram') : delivery.channel}</td>
                    <td>
                      {delivery.recipientName}
                      {delivery.recipient ? <div className="muted">{delivery.recipient}</div> : null}
                    </td>
                    <td>{delivery.title}</td>
                    <td>{delivery.attempts}</td>
                    <td>{delivery.lastError ? <span className="text-error">{delivery.lastError}</span> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </PagedList>
    </section>
  );
}
