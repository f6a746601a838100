import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import { Avatar } from '../../ui/Avatar';
import type { ChatRoomSummary } from './chatApi';

export function RoomList({ rooms }: { rooms: readonly ChatRoomSummary[] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <ul className="room-list">
      {rooms.map((room) => (
        <li key={room.id} data-room={room.id}>
          <NavLink to={`/chat/${room.id}`} className="room-list__link">
            <Avatar id={room.id} name={room.title} src={room.avatarUrl} />
            <span className="room-list__body">
              <span className="room-list__title">
                {room.title}
                {room.unreadCount > 0 ? (
                  <span className="badge badge--count" data-unread={room.unreadCount}>
                    {room.unreadCount}
                    <span className="visually-hidden"> {t('chat.unread')}</span>
                  </span>
                ) : null}
              </span>
              {room.lastMessage !== null ? (
                <span className="room-list__last">
                  <span className="room-list__author">{room.lastMessage.author.fullName}:</span>{' '}
                  {room.lastMessage.deleted ? t('chat.deleted') : room.lastMessage.text}
                  <time className="muted" dateTime={room.lastMessage.createdAt}>
                    {' '}
                    {formatDateTime(room.lastMessage.createdAt)}
                  </time>
                </span>
              ) : (
                <span className="room-list__last muted">{t('chat.noMessages')}</span>
              )}
            </span>
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
