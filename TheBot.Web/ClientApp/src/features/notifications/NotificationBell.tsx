import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Bell } from 'lucide-react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { unreadNotificationsQuery } from './notificationsApi';

/** The header's bell: a link to the notifications with the unread count, kept current live. */
export function NotificationBell() {
  const { t } = useI18n();
  const api = useApi();
  const unread = useQuery(unreadNotificationsQuery(api));
  const count = unread.data ?? 0;
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell');
  return (
    <Link to="/notifications" className="bell" aria-label={label} title={label} data-unread={count}>
      <Bell className="bell__icon icon" size={22} aria-hidden="true" focusable="false" />
      {count > 0 ? (
        <span className="bell__count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
