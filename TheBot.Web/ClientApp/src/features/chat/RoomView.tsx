import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { useRealtime } from '../../realtime/RealtimeContext';
import { useRealtimeEvent, useRealtimeReconnected } from '../../realtime/useRealtimeEvent';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { saveFile } from '../../ui/saveFile';
import { formatFileSize } from '../assignments/assignmentsApi';
import {
  deleteMessage,
  downloadAttachment,
  editMessage,
  fetchMessages,
  markRoomRead,
  postAttachment,
  postMessage,
  roomQuery,
  type ChatMessage,
  type ChatRoom,
  type MessageDeletedEvent,
  type MessageEvent,
  type RoomReadEvent,
  type TypingEvent,
} from './chatApi';
import { applyReadToRoom, isReadByOthers, lastStoredId, markDeleted, mergeMessages } from './messages';

const TYPING_SHOWN_MS = 4000;
const TYPING_SEND_EVERY_MS = 1500;

function newClientMessageId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `c-${Date.now()}-${Math.random()}`;
}

/** One chat room: its messages (paged back, merged with live events, caught up after reconnects), typing, read state. */
export function RoomView({ roomId }: { roomId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const me = user?.id ?? '';
  const queryClient = useQueryClient();
  const { connection, status } = useRealtime();
  const room = useQuery(roomQuery(api, roomId));
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [typing, setTyping] = useState<Record<string, number>>({});
  const [sendError, setSendError] = useState<unknown>(null);
  const messagesRef = useRef(messages);
  messagesRef.current = messages;

  const merge = useCallback((incoming: readonly ChatMessage[]) => setMessages((current) => mergeMessages(current, incoming)), []);

  const markRead = useCallback(() => {
    void markRoomRead(api, roomId).catch(() => undefined);
  }, [api, roomId]);

  // The newest page first.
  useEffect(() => {
    let cancelled = false;
    setMessages([]);
    setLoaded(false);
    fetchMessages(api, roomId)
      .then((page) => {
        if (!cancelled) {
          merge(page.items);
          setHasOlder(page.hasMore);
          setLoaded(true);
          markRead();
        }
      })
      .catch((error: unknown) => {
        if (!cancelled) {
          setLoadError(error);
        }
      });
    return () => {
      cancelled = true;
    };
  }, [api, roomId, merge, markRead]);

  // Tell the hub the room is on screen (no chat notifications for it meanwhile).
  useEffect(() => {
    if (connection === null || status !== 'connected') {
      return undefined;
    }
    void connection.invoke('OpenRoom', roomId).catch(() => undefined);
    return () => {
      void connection.invoke('CloseRoom', roomId).catch(() => undefined);
    };
  }, [connection, status, roomId]);

  const catchUp = useCallback(async () => {
    let after = lastStoredId(messagesRef.current);
    if (after === null) {
      const page = await fetchMessages(api, roomId);
      merge(page.items);
      return;
    }
    for (let round = 0; round < 20; round++) {
      const page = await fetchMessages(api, roomId, { after, limit: 200 });
      merge(page.items);
      const last = page.items[page.items.length - 1];
      if (!page.hasMore || last === undefined) {
        break;
      }
      after = last.id;
    }
  }, [api, roomId, merge]);

  useRealtimeReconnected(() => {
    void catchUp().then(markRead).catch(() => undefined);
    void queryClient.invalidateQueries({ queryKey: roomQuery(api, roomId).queryKey });
  });

  useRealtimeEvent<MessageEvent>('messageCreated', ({ message }) => {
    if (message.roomId !== roomId) {
      return;
    }
    merge([message]);
    setTyping((current) => {
      const { [message.author.id]: _, ...rest } = current;
      return rest;
    });
    if (message.author.id !== me) {
      markRead();
    }
  });
  useRealtimeEvent<MessageEvent>('messageEdited', ({ message }) => {
    if (message.roomId === roomId) {
      merge([message]);
    }
  });
  useRealtimeEvent<MessageDeletedEvent>('messageDeleted', (event) => {
    if (event.roomId === roomId) {
      setMessages((current) => markDeleted(current, event.messageId));
    }
  });
  useRealtimeEvent<RoomReadEvent>('roomRead', (event) => {
    if (event.roomId === roomId) {
      queryClient.setQueryData<ChatRoom>(roomQuery(api, roomId).queryKey, (data) => (data === undefined ? data : applyReadToRoom(data, event, me)));
    }
  });
  useRealtimeEvent<TypingEvent>('typing', (event) => {
    if (event.roomId === roomId && event.userId !== me) {
      setTyping((current) => ({ ...current, [event.userId]: Date.now() + TYPING_SHOWN_MS }));
    }
  });

  // Typing indicators fade out on their own.
  useEffect(() => {
    if (Object.keys(typing).length === 0) {
      return undefined;
    }
    const timer = window.setInterval(() => {
      const now = Date.now();
      setTyping((current) => {
        const kept = Object.fromEntries(Object.entries(current).filter(([, until]) => until > now));
        return Object.keys(kept).length === Object.keys(current).length ? current : kept;
      });
    }, 500);
    return () => window.clearInterval(timer);
  }, [typing]);

  const loadOlder = async () => {
    const oldest = messages.find((message) => !message.pending);
    if (oldest === undefined) {
      return;
    }
    setLoadingOlder(true);
    try {
      const page = await fetchMessages(api, roomId, { before: oldest.id });
      merge(page.items);
      setHasOlder(page.hasMore);
    } catch (error) {
      setSendError(error);
    } finally {
      setLoadingOlder(false);
    }
  };

  const lastTypingSent = useRef(0);
  const onTyping = () => {
    const now = Date.now();
    if (connection !== null && status === 'connected' && now - lastTypingSent.current > TYPING_SEND_EVERY_MS) {
      lastTypingSent.current = now;
      void connection.invoke('Typing', roomId).catch(() => undefined);
    }
  };

  const send = async (text: string, file: File | null) => {
    const clientMessageId = newClientMessageId();
    const pending: ChatMessage = {
      id: `pending:${clientMessageId}`,
      roomId,
      author: { id: me, fullName: user?.fullName ?? '', role: user?.role ?? '' },
      text,
      clientMessageId,
      createdAt: new Date().toISOString(),
      editedAt: null,
      edited: false,
      deleted: false,
      pending: true,
      attachment: file === null ? null : { fileName: file.name, contentType: file.type, size: file.size, url: '' },
    };
    merge([pending]);
    setSendError(null);
    try {
      const post = () => (file === null ? postMessage(api, roomId, text, clientMessageId) : postAttachment(api, roomId, file, text, clientMessageId));
      let stored: ChatMessage;
      try {
        stored = await post();
      } catch {
        // Sending is idempotent by clientMessageId: one retry never duplicates.
        stored = await post();
      }
      merge([stored]);
    } catch (error) {
      setMessages((current) => current.filter((message) => message.id !== pending.id));
      setSendError(error);
      throw error;
    }
  };

  if (room.isPending) {
    return <LoadingState />;
  }
  if (room.isError) {
    return <ErrorState error={room.error} onRetry={() => void room.refetch()} />;
  }
  const participants = room.data.participants;
  const typingNames = Object.keys(typing)
    .map((id) => participants.find((participant) => participant.id === id)?.fullName)
    .filter((name): name is string => name !== undefined);
  const lastMine = [...messages].reverse().find((message) => message.author.id === me && !message.pending && !message.deleted);

  return (
    <section className="room" aria-labelledby="room-title">
      <h2 id="room-title" className="room__title">
        {room.data.title}
      </h2>
      <p className="muted room__people">{participants.map((participant) => participant.fullName).join(', ')}</p>
      {loadError !== null ? <ErrorState error={loadError} /> : null}
      {!loaded && loadError === null ? <LoadingState /> : null}
      {hasOlder ? (
        <button type="button" className="button button--secondary button--small" disabled={loadingOlder} onClick={() => void loadOlder()}>
          {t('chat.loadOlder')}
        </button>
      ) : null}
      <ol className="messages" aria-label={t('chat.messages')} aria-live="polite">
        {loaded && messages.length === 0 ? <li className="muted">{t('chat.noMessages')}</li> : null}
        {messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            mine={message.author.id === me}
            roomId={roomId}
            onChanged={(changed) => merge([changed])}
            onDeleted={() => setMessages((current) => markDeleted(current, message.id))}
            readState={
              lastMine !== undefined && lastMine.id === message.id ? (isReadByOthers(message, participants) ? 'read' : 'sent') : null
            }
          />
        ))}
      </ol>
      <p className="typing" aria-live="polite" data-typing={typingNames.length > 0 ? 'true' : 'false'}>
        {typingNames.length > 0 ? t('chat.typing', { names: typingNames.join(', ') }) : '\u00a0'}
      </p>
      <Composer onSend={send} onTyping={onTyping} />
      {sendError !== null ? <FormAlert message={describeError(sendError, t)} /> : null}
    </section>
  );
}

function MessageItem({
  message,
  mine,
  roomId,
  readState,
  onChanged,
  onDeleted,
}: {
  message: ChatMessage;
  mine: boolean;
  roomId: string;
  readState: 'read' | 'sent' | null;
  onChanged: (message: ChatMessage) => void;
  onDeleted: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(message.text);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      onChanged(await editMessage(api, roomId, message.id, text.trim()));
      setEditing(false);
      setError(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!window.confirm(t('chat.deleteConfirm'))) {
      return;
    }
    setBusy(true);
    try {
      await deleteMessage(api, roomId, message.id);
      onDeleted();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      className={`message${mine ? ' message--mine' : ''}${message.pending ? ' message--pending' : ''}`}
      data-message={message.id}
      data-deleted={message.deleted ? 'true' : 'false'}
    >
      <div className="message__meta">
        <strong>{message.author.fullName}</strong>{' '}
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
        {message.edited && !message.deleted ? <span className="muted"> · {t('chat.edited')}</span> : null}
        {message.pending ? <span className="muted"> · {t('chat.sending')}</span> : null}
      </div>
      {message.deleted ? (
        <p className="message__text muted">{t('chat.deleted')}</p>
      ) : editing ? (
        <form className="message__edit" onSubmit={(event) => void save(event)}>
          <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
            {t('chat.editLabel')}
          </label>
          <input
            id={`edit-${message.id}`}
            className="field__control"
            value={text}
            maxLength={4000}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button button--small" disabled={busy || text.trim() === ''}>
            {t('common.save')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <p className="message__text">{message.text}</p>
      )}
      {message.attachment ? <AttachmentLink attachment={message.attachment} /> : null}
      {mine && !message.deleted && !message.pending && !editing ? (
        <div className="actions actions--compact">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setText(message.text);
              setEditing(true);
            }}
          >
            {t('common.edit')}
            <span className="visually-hidden"> {t('chat.messageSuffix')}</span>
          </button>
          <button type="button" className="button button--danger button--small" disabled={busy} onClick={() => void remove()}>
            {t('chat.delete')}
            <span className="visually-hidden"> {t('chat.messageSuffix')}</span>
          </button>
        </div>
      ) : null}
      {readState !== null ? (
        <p className="message__read muted" data-read={readState}>
          {readState === 'read' ? t('chat.read') : t('chat.sent')}
        </p>
      ) : null}
      {error !== null ? <FormAlert message={describeError(error, t)} /> : null}
    </li>
  );
}

function AttachmentLink({ attachment }: { attachment: NonNullable<ChatMessage['attachment']> }) {
  const { t } = useI18n();
  const api = useApi();
  const [error, setError] = useState<unknown>(null);
  const label = `${t('chat.attachment')}: ${attachment.fileName} (${formatFileSize(attachment.size)})`;
  if (attachment.url === '') {
    return <p className="muted">{label}</p>;
  }
  const download = async () => {
    setError(null);
    try {
      const file = await downloadAttachment(api, attachment.url);
      saveFile(file.blob, file.fileName ?? attachment.fileName);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      <button type="button" className="button button--link" onClick={() => void download()}>
        {label}
      </button>
      {error !== null ? <FormAlert message={describeError(error, t)} /> : null}
    </>
  );
}

function Composer({ onSend, onTyping }: { onSend: (text: string, file: File | null) => Promise<void>; onTyping: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = text.trim();
    if (value === '' && file === null) {
      return;
    }
    setBusy(true);
    setText('');
    try {
      await onSend(value, file);
      setFile(null);
      if (fileInput.current !== null) {
        fileInput.current.value = '';
      }
    } catch {
      setText(value);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="composer" onSubmit={(event) => void submit(event)}>
      <label className="visually-hidden" htmlFor="chat-message">
        {t('chat.message')}
      </label>
      <textarea
        id="chat-message"
        className="field__control composer__input"
        rows={2}
        maxLength={4000}
        value={text}
        placeholder={t('chat.placeholder')}
        onChange={(event) => {
          setText(event.target.value);
          onTyping();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <input
        ref={fileInput}
        id="chat-attachment"
        className="visually-hidden composer__file"
        type="file"
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
      />
      <label className="button button--secondary composer__attach" htmlFor="chat-attachment">
        {file === null ? t('chat.attach') : file.name}
      </label>
      <button type="submit" className="button" disabled={busy || (text.trim() === '' && file === null)}>
        {t('chat.send')}
      </button>
    </form>
  );
}
