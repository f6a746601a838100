import { useQuery } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import { useRef } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { roomQuery, type ChatRoom } from './chatApi';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import { firstUnreadId } from './timeline';
import { useRoomMessages } from './useRoomMessages';
import { useOnlineUsers } from './useOnlineUsers';
import { useRoomPresence } from './useRoomPresence';
import { useRoomTyping } from './useRoomTyping';

/** One chat room: who is in it (and online), its conversation, who is typing, and the composer. */
export function RoomView({ roomId }: { roomId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const me = user?.id ?? '';
  const room = useQuery(roomQuery(api, roomId));
  const { typingUserIds, typed } = useRoomTyping(roomId);
  useRoomPresence(roomId);
  const others = (room.data?.participants ?? []).map((participant) => participant.id).filter((id) => id !== me);
  const online = useOnlineUsers(others);

  if (room.isPending) {
    return <LoadingState />;
  }
  if (room.isError) {
    return <ErrorState error={room.error} onRetry={() => void room.refetch()} />;
  }
  const participants = room.data.participants;
  const typingNames = typingUserIds
    .map((id) => participants.find((participant) => participant.id === id)?.fullName)
    .filter((name): name is string => name !== undefined);

  return (
    <section className="room" aria-labelledby="room-title">
      <header className="room__header">
        <Link to="/chat" className="button button--secondary room__back" aria-label={t('chat.back')}>
          <ArrowLeft className="icon" size={20} aria-hidden="true" focusable="false" />
        </Link>
        <div className="room__heading">
          <h2 id="room-title" className="room__title">
            {room.data.title}
          </h2>
          <p className="muted room__people">
            {participants.map((participant, index) => (
              <span key={participant.id} data-online={online.has(participant.id) ? 'true' : 'false'}>
                {index > 0 ? ', ' : ''}
                {participant.fullName}
                {online.has(participant.id) ? <span className="room__online"> · {t('chat.online')}</span> : null}
              </span>
            ))}
          </p>
        </div>
      </header>
      <RoomConversation room={room.data} me={me} typingNames={typingNames} onTyping={typed} />
    </section>
  );
}

/**
 * The messages and the composer. Mounted once the room is known, so that the divider is placed at where I had read
 * before this visit marks the room read.
 */
function RoomConversation({ room, me, typingNames, onTyping }: { room: ChatRoom; me: string; typingNames: string[]; onTyping: () => void }) {
  const { t } = useI18n();
  const readAtOpen = useRef(room.participants.find((participant) => participant.id === me)?.lastReadAt ?? null);
  const chat = useRoomMessages(room.id);
  // Where the divider goes is decided once, from the first page: messages arriving later are read as they come.
  const unreadFrom = useRef<string | null | undefined>(undefined);
  if (unreadFrom.current === undefined && chat.loaded) {
    unreadFrom.current = firstUnreadId(chat.messages, me, readAtOpen.current);
  }

  return (
    <>
      {chat.loadError !== null ? <ErrorState error={chat.loadError} /> : null}
      {!chat.loaded && chat.loadError === null ? <LoadingState /> : null}
      <MessageList chat={chat} me={me} participants={room.participants} unreadFrom={unreadFrom.current ?? null} />
      <div className="room__composer">
        <p className="typing" aria-live="polite" data-typing={typingNames.length > 0 ? 'true' : 'false'}>
          {typingNames.length > 0 ? t('chat.typing', { names: typingNames.join(', ') }) : '\u00a0'}
        </p>
        <Composer roomId={room.id} userId={me} onSend={chat.send} onTyping={onTyping} />
        {chat.actionError !== null ? <FormAlert message={describeError(chat.actionError, t)} /> : null}
      </div>
    </>
  );
}
