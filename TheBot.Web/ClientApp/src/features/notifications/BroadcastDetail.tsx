import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { PagedList } from '../../ui/PagedList';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { SelectField } from '../../ui/SelectField';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import {
  broadcastQuery,
  broadcastRecipientsQuery,
  broadcastsKey,
  cancelBroadcast,
  countsVersion,
  isInFlight,
  isRecipientStatus,
  RECIPIENT_STATUSES,
  retryFailedBroadcastDeliveries,
  statusTone,
} from './broadcastsApi';

/** One broadcast: its counts, every recipient's status per channel (filtered, paged), retry of the failed ones, cancel while scheduled. */
export function BroadcastDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const broadcast = useQuery({
    ...broadcastQuery(api, id),
    refetchInterval: (current) => (current.state.data !== undefined && isInFlight(current.state.data) ? 2000 : false),
  });
  const inFlight = broadcast.data !== undefined && isInFlight(broadcast.data);
  const recipients = useQuery({
    ...broadcastRecipientsQuery(api, id, { status, page }, countsVersion(broadcast.data)),
    placeholderData: keepPreviousData,
    refetchInterval: inFlight ? 2000 : false,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: broadcastsKey });
  const retry = useMutation({ mutationFn: () => retryFailedBroadcastDeliveries(api, id), onSuccess: refresh });
  const cancel = useMutation({ mutationFn: () => cancelBroadcast(api, id), onSuccess: refresh });

  if (broadcast.isPending) {
    return <LoadingState />;
  }
  if (broadcast.isError) {
    return <ErrorState error={broadcast.error} onRetry={() => void broadcast.refetch()} />;
  }
  const item = broadcast.data;
  const channelName = (channel: string) =>
    channel === 'email' ? t('deliveries.channel.email') : channel === 'push' ? t('deliveries.channel.push') : channel === 'telegram' ? t('deliveries.channel.telegram') : channel;
  const statusName = (value: string) => (isRecipientStatus(value) ? t(`broadcasts.recipientStatus.${value}`) : value);

  return (
    <section className="panel" aria-labelledby="broadcast-detail-heading" data-testid="broadcast-detail">
      <h2 id="broadcast-detail-heading">{item.title}</h2>
      <p className="muted">
        {t('broadcasts.summary', {
          when: formatDateTime(item.sendAt),
          recipients: item.counts.recipients,
          sent: item.counts.sent,
          failed: item.counts.failed,
          waiting: item.counts.waiting,
        })}
      </p>
      <div className="toolbar">
        <SelectField
          name="broadcastRecipientStatus"
          label={t('broadcasts.status')}
          placeholder={t('common.all')}
          options={RECIPIENT_STATUSES.map((value) => ({ value, label: statusName(value) }))}
          value={status}
          onChange={(event) => {
            setStatus(event.target.value);
            setPage(1);
          }}
        />
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={retry.isPending || item.counts.failed === 0}
          onClick={() => retry.mutate()}
        >
          {t('broadcasts.retryFailed')}
        </button>
        {item.status === 'scheduled' ? (
          <button type="button" className="button button--danger button--small" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('broadcasts.cancel')}
          </button>
        ) : null}
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          {t('broadcasts.close')}
        </button>
      </div>
      {retry.isSuccess ? <FormAlert tone="success" message={t('broadcasts.retried', { count: retry.data.retried })} /> : null}
      {retry.isError ? <FormAlert message={describeError(retry.error, t)} /> : null}
      {cancel.isError ? <FormAlert message={describeError(cancel.error, t)} /> : null}
      <PagedList query={recipients} empty={item.status === 'scheduled' ? t('broadcasts.notYet') : t('broadcasts.noRecipients')} onPage={setPage}>
        {(items) => (
          <ScrollRegion label={t('broadcasts.recipients')}>
            <table className="table" data-testid="broadcast-recipients">
              <caption className="visually-hidden">{t('broadcasts.recipients')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('deliveries.recipient')}</th>
                  <th scope="col">{t('broadcasts.status')}</th>
                  <th scope="col">{t('deliveries.channel')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((recipient) => (
                  <tr key={recipient.userId} data-status={recipient.status}>
                    <td>
                      {recipient.fullName}
                      {recipient.email ? <div className="muted">{recipient.email}</div> : null}
                    </td>
                    <td>
                      <span className={`badge badge--${statusTone(recipient.status)}`}>{statusName(recipient.status)}</span>
                      {recipient.readAt ? <span className="muted"> · {t('broadcasts.readAt', { at: formatDateTime(recipient.readAt) })}</span> : null}
                    </td>
                    <td>
                      {recipient.deliveries.length === 0 ? (
                        <span className="muted">{t('broadcasts.inAppOnly')}</span>
                      ) : (
                        <ul className="item-list">
                          {recipient.deliveries.map((delivery) => (
                            <li key={delivery.id} data-channel={delivery.channel} data-status={delivery.status}>
                              {channelName(delivery.channel)}: {statusName(delivery.status)}
                              {delivery.attempts > 1 ? <span className="muted"> · {t('broadcasts.attempts', { count: delivery.attempts })}</span> : null}
                              {delivery.error && delivery.status !== 'sent' ? <div className="text-error">{delivery.error}</div> : null}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
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
