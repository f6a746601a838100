import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { roomsQuery } from './chatApi';
import { NewChatForm } from './NewChatForm';
import { RoomList } from './RoomList';
import { RoomView } from './RoomView';

/** Chat: my rooms with unread badges, and the open room (on phones one or the other, each a screen of its own). */
export function ChatPage() {
  const { roomId = null } = useParams();
  const { t } = useI18n();
  const api = useApi();
  const rooms = useQuery(roomsQuery(api));
  // The shell keeps the room list live (useChatUnread).

  return (
    <section className="page">
      <PageHeading title={t('chat.title')}>{t('chat.title')}</PageHeading>
      <div className={roomId === null ? 'chat' : 'chat chat--room-open'}>
        <nav className="chat__rooms" aria-label={t('chat.rooms')}>
          <NewChatForm />
          {rooms.isPending ? <LoadingState /> : null}
          {rooms.isError ? <ErrorState error={rooms.error} onRetry={() => void rooms.refetch()} /> : null}
          {rooms.isSuccess ? (
            rooms.data.items.length === 0 ? <EmptyState message={t('chat.noRooms')} /> : <RoomList rooms={rooms.data.items} />
          ) : null}
        </nav>
        <div className="chat__room">
          {roomId === null ? <p className="muted chat__pick">{t('chat.pickRoom')}</p> : <RoomView key={roomId} roomId={roomId} />}
        </div>
      </div>
    </section>
  );
}
