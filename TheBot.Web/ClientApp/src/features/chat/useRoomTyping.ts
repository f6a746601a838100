import { useEffect, useRef, useState } from 'react';
import { useAuth } from '../../auth/useAuth';
import { useRealtime } from '../../realtime/RealtimeContext';
import { useRealtimeEvent } from '../../realtime/useRealtimeEvent';
import type { MessageEvent, TypingEvent } from './chatApi';

const TYPING_SHOWN_MS = 4000;
const TYPING_SEND_EVERY_MS = 1500;

/**
 * Who else is typing in the room (each shown for a few seconds after their last keystroke, or until their
 * message arrives), and `typed` to tell the others that I am (at most every 1.5 s).
 */
export function useRoomTyping(roomId: string): { typingUserIds: readonly string[]; typed(): void } {
  const { user } = useAuth();
  const me = user?.id ?? '';
  const { connection, status } = useRealtime();
  const [typing, setTyping] = useState<Record<string, number>>({});
  const lastTypingSent = useRef(0);

  useRealtimeEvent<TypingEvent>('typing', (event) => {
    if (event.roomId === roomId && event.userId !== me) {
      setTyping((current) => ({ ...current, [event.userId]: Date.now() + TYPING_SHOWN_MS }));
    }
  });
  useRealtimeEvent<MessageEvent>('messageCreated', ({ message }) => {
    if (message.roomId === roomId) {
      setTyping((current) => {
        const { [message.author.id]: _, ...rest } = current;
        return rest;
      });
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

  const typed = () => {
    const now = Date.now();
    if (connection !== null && status === 'connected' && now - lastTypingSent.current > TYPING_SEND_EVERY_MS) {
      lastTypingSent.current = now;
      void connection.invoke('Typing', roomId).catch(() => undefined);
    }
  };

  return { typingUserIds: Object.keys(typing), typed };
}
