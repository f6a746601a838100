import { useCallback, useEffect, useRef, useState } from 'react';
import { useAuth } from '../../auth/useAuth';
import { useRealtimeEvent, useRealtimeReconnected } from '../../realtime/useRealtimeEvent';
import { useApi } from '../../services/ServicesContext';
import {
  deleteMessage,
  editMessage,
  fetchMessages,
  markRoomRead,
  postAttachment,
  postMessage,
  type ChatMessage,
  type MessageDeletedEvent,
  type MessageEvent,
} from './chatApi';
import { lastStoredId, markDeleted, mergeMessages, pendingMessage } from './messages';

export interface RoomMessages {
  /** Oldest first; pending (not yet stored) messages last. */
  messages: readonly ChatMessage[];
  /** The newest page has arrived. */
  loaded: boolean;
  loadError: unknown;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder(): Promise<void>;
  /** Shows the message at once as pending, then as stored; on failure it is taken back and the error rethrown. */
  send(text: string, file: File | null): Promise<void>;
  /** The last failure of sending or of loading older messages. */
  actionError: unknown;
  /** Edits one of my messages; the error is the caller's to show. */
  edit(messageId: string, text: string): Promise<void>;
  /** Deletes one of my messages (it keeps its place, marked deleted); the error is the caller's to show. */
  remove(messageId: string): Promise<void>;
}

function newClientMessageId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `c-${Date.now()}-${Math.random()}`;
}

/**
 * One room's messages: the newest page first, older pages on demand, live creates/edits/deletes merged in,
 * caught up after a reconnect, and the room marked read whenever something new from others is on screen.
 */
export function useRoomMessages(roomId: string): RoomMessages {
  const api = useApi();
  const { user } = useAuth();
  const me = user?.id ?? '';
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const messagesRef = useRef(messages);
  messagesRef.current = messages;

  const merge = useCallback((incoming: readonly ChatMessage[]) => setMessages((current) => mergeMessages(current, incoming)), []);
  const deleted = useCallback((messageId: string) => setMessages((current) => markDeleted(current, messageId)), []);

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
  });

  useRealtimeEvent<MessageEvent>('messageCreated', ({ message }) => {
    if (message.roomId !== roomId) {
      return;
    }
    merge([message]);
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
      deleted(event.messageId);
    }
  });

  const loadingOlderRef = useRef(false);
  const loadOlder = async () => {
    const oldest = messagesRef.current.find((message) => !message.pending);
    // Scrolling fires many times while a page is on its way: one request at a time.
    if (oldest === undefined || loadingOlderRef.current) {
      return;
    }
    loadingOlderRef.current = true;
    setLoadingOlder(true);
    try {
      const page = await fetchMessages(api, roomId, { before: oldest.id });
      merge(page.items);
      setHasOlder(page.hasMore);
    } catch (error) {
      setActionError(error);
    } finally {
      loadingOlderRef.current = false;
      setLoadingOlder(false);
    }
  };

  const send = async (text: string, file: File | null) => {
    const clientMessageId = newClientMessageId();
    const author = { id: me, fullName: user?.fullName ?? '', role: user?.role ?? '' };
    const pending = pendingMessage(roomId, author, text, file, clientMessageId);
    merge([pending]);
    setActionError(null);
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
      setActionError(error);
      throw error;
    }
  };

  return {
    messages,
    loaded,
    loadError,
    hasOlder,
    loadingOlder,
    loadOlder,
    send,
    actionError,
    edit: async (messageId, text) => merge([await editMessage(api, roomId, messageId, text)]),
    remove: async (messageId) => {
      await deleteMessage(api, roomId, messageId);
      deleted(messageId);
    },
  };
}
