import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeading } from '../../ui/PageHeading';
import { PagedList } from '../../ui/PagedList';
import { NotificationSettingsForm } from './NotificationSettingsForm';
import {
  archiveNotification,
  internalLink,
  notificationListQuery,
  notificationsKey,
  readAllNotifications,
  readNotification,
  type AppNotification,
} from './notificationsApi';

export function NotificationsPage() {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [archived, setArchived] = useState(false);
  const query = useQuery(notificationListQuery(api, { page, archived }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationsKey });
  const action = useMutation({ mutationFn: (run: () => Promise<unknown>) => run(), onSuccess: refresh });

  return (
    <section className="page">
      <PageHeading title={t('notifications.title')}>{t('notifications.title')}</PageHeading>
      <div className="toolbar">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={archived}
            onChange={(event) => {
              setArchived(event.target.checked);
              setPage(1);
            }}
          />{' '}
          {t('notifications.showArchived')}
        </label>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={action.isPending || (query.data?.unreadCount ?? 0) === 0}
          onClick={() => action.mutate(() => readAllNotifications(api))}
        >
          {t('notifications.readAll')}
        </button>
      </div>
      {action.isError ? <FormAlert message={describeError(action.error, t)} /> : null}
      <PagedList query={query} empty={t('notifications.empty')} onPage={setPage}>
        {(items, page) => (
          <>
            <p className="muted">{t('notifications.unreadCount', { count: page.unreadCount })}</p>
            <ul className="item-list notifications">
              {items.map((item) => (
                <NotificationItem
                  key={item.id}
                  item={item}
                  busy={action.isPending}
                  onRead={() => action.mutate(() => readNotification(api, item.id))}
                  onArchive={() => action.mutate(() => archiveNotification(api, item.id))}
                />
              ))}
            </ul>
          </>
        )}
      </PagedList>
      <NotificationSettingsForm />
    </section>
  );
}

function NotificationItem({ item, busy, onRead, onArchive }: { item: AppNotification; busy: boolean; onRead: () => void; onArchive: () => void }) {
  const { t, formatDateTime } = useI18n();
  const link = internalLink(item.link);
  const unread = item.readAt === null;
  return (
    <li className={unread ? 'item-list__item notification notification--unread' : 'item-list__item notification'} data-notification={item.id}>
      <p className="notification__title">
        {unread ? <span className="badge badge--pending">{t('notifications.new')}</span> : null}{' '}
        {link !== null ? (
          <Link to={link} onClick={unread ? onRead : undefined}>
            {item.title}
          </Link>
        ) : (
          <strong>{item.title}</strong>
        )}{' '}
        {item.priority === 'high' || item.priority === 'urgent' ? (
          <span className="badge badge--rejected">{t(`notifications.priority.${item.priority}`)}</span>
        ) : null}
      </p>
      {item.body ? <p className="notification__body">{item.body}</p> : null}
      <p className="muted">
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
      </p>
      <div className="actions actions--compact">
        {unread ? (
          <button type="button" className="button button--secondary button--small" disabled={busy} onClick={onRead}>
            {t('notifications.markRead')}
          </button>
        ) : null}
        {item.archivedAt === null ? (
          <button type="button" className="button button--secondary button--small" disabled={busy} onClick={onArchive}>
            {t('notifications.archive')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
