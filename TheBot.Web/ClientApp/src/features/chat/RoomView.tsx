import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { roomQuery } from './chatApi';
import { Composer } from './Composer';
import { MessageItem } from './MessageItem';
import { isReadByOthers } from './messages';
import { useRoomMessages } from './useRoomMessages';
import { useOnlineUsers } from './useOnlineUsers';
import { useRoomPresence } from './useRoomPresence';
import { useRoomTyping } from './useRoomTyping';

/** One chat room: its messages (paged back, merged with live events, caught up after reconnects), typing, read state. */
export function RoomView({ roomId }: { roomId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const me = user?.id ?? '';
  const room = useQuery(roomQuery(api, roomId));
  const chat = useRoomMessages(roomId);
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
  const lastMine = [...chat.messages].reverse().find((message) => message.author.id === me && !message.pending && !message.deleted);

  return (
    <section className="room" aria-labelledby="room-title">
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
      {chat.loadError !== null ? <ErrorState error={chat.loadError} /> : null}
      {!chat.loaded && chat.loadError === null ? <LoadingState /> : null}
      {chat.hasOlder ? (
        <button type="button" className="button button--secondary button--small" disabled={chat.loadingOlder} onClick={() => void chat.loadOlder()}>
          {t('chat.loadOlder')}
        </button>
      ) : null}
      <ol className="messages" aria-label={t('chat.messages')} aria-live="polite">
        {chat.loaded && chat.messages.length === 0 ? <li className="muted">{t('chat.noMessages')}</li> : null}
        {chat.messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            mine={message.author.id === me}
            onEdit={(text) => chat.edit(message.id, text)}
            onDelete={() => chat.remove(message.id)}
            readState={
              lastMine !== undefined && lastMine.id === message.id ? (isReadByOthers(message, participants) ? 'read' : 'sent') : null
            }
          />
        ))}
      </ol>
      <p className="typing" aria-live="polite" data-typing={typingNames.length > 0 ? 'true' : 'false'}>
        {typingNames.length > 0 ? t('chat.typing', { names: typingNames.join(', ') }) : '\u00a0'}
      </p>
      <Composer onSend={chat.send} onTyping={typed} />
      {chat.actionError !== null ? <FormAlert message={describeError(chat.actionError, t)} /> : null}
    </section>
  );
}
