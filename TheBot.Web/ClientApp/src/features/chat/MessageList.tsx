import { ArrowDown } from 'lucide-react';
import { Fragment, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatDate } from '../../format/dates';
import { useI18n } from '../../i18n/I18nContext';
import { Avatar } from '../../ui/Avatar';
import type { ChatMessage, ChatParticipant } from './chatApi';
import { MessageItem } from './MessageItem';
import { isReadByOthers } from './messages';
import { buildTimeline, dayName } from './timeline';
import type { RoomMessages } from './useRoomMessages';

/** Within this distance of an edge the reader counts as at it (older pages load; new messages scroll into view). */
const edgePx = 80;

/**
 * The conversation as a messenger shows it: days with their date, runs of one author's bubbles under one name, the
 * "New messages" divider where I stopped reading, opening at the newest message. Scrolling up loads older pages
 * without moving what is on screen; a message arriving while I read further up shows a pill instead of pulling me down.
 */
export function MessageList({
  chat,
  me,
  participants,
  unreadFrom,
}: {
  chat: RoomMessages;
  me: string;
  participants: readonly ChatParticipant[];
  /** The first unread message when the room was opened (the divider goes above it). */
  unreadFrom: string | null;
}) {
  const { t, language, timeZone } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const divider = useRef<HTMLLIElement>(null);
  const atBottom = useRef(true);
  const opened = useRef(false);
  const previous = useRef<{ first: string | null; last: string | null; height: number; top: number }>({ first: null, last: null, height: 0, top: 0 });
  const [newCount, setNewCount] = useState(0);
  const { messages } = chat;
  const days = useMemo(() => buildTimeline(messages, { timeZone, breakBefore: unreadFrom }), [messages, timeZone, unreadFrom]);
  const lastMine = useMemo(
    () => [...messages].reverse().find((message) => message.author.id === me && !message.pending && !message.deleted),
    [messages, me],
  );
  const now = new Date();

  const toBottom = () => {
    const element = scroller.current;
    if (element !== null) {
      element.scrollTop = element.scrollHeight;
    }
    atBottom.current = true;
    setNewCount(0);
  };

  // Keeps the reader's place as messages come and go: opened at the newest (or at the divider), older pages added above
  // without a jump, new ones followed only when the reader is at the bottom (or wrote them).
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null || !chat.loaded) {
      return;
    }
    const first = messages[0]?.id ?? null;
    const last = messages[messages.length - 1] ?? null;
    const before = previous.current;
    if (!opened.current) {
      opened.current = true;
      element.scrollTop = element.scrollHeight;
      if (divider.current !== null) {
        // The divider at the top when the unread ones fill more than the screen; otherwise the bottom.
        const offset = divider.current.getBoundingClientRect().top - element.getBoundingClientRect().top;
        element.scrollTop = Math.min(element.scrollTop, Math.max(0, element.scrollTop + offset - 8));
      }
      atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight <= edgePx;
    } else if (first !== before.first && last?.id === before.last) {
      // An older page arrived above: the same content stays under the reader's eyes.
      element.scrollTop = before.top + (element.scrollHeight - before.height);
    } else if (last !== null && last.id !== before.last) {
      if (atBottom.current || last.author.id === me) {
        element.scrollTop = element.scrollHeight;
        atBottom.current = true;
        setNewCount(0);
      } else {
        const known = before.last === null ? -1 : messages.findIndex((message) => message.id === before.last);
        const arrived = messages.slice(known + 1).filter((message) => message.author.id !== me).length;
        if (arrived > 0) {
          setNewCount((count) => count + arrived);
        }
      }
    } else if (atBottom.current) {
      // An edit or an attachment changed a bubble's height at the bottom.
      element.scrollTop = element.scrollHeight;
    }
    previous.current = { first, last: last?.id ?? null, height: element.scrollHeight, top: element.scrollTop };
  }, [messages, chat.loaded, me]);

  const onScroll = () => {
    const element = scroller.current;
    if (element === null) {
      return;
    }
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight <= edgePx;
    previous.current = { ...previous.current, height: element.scrollHeight, top: element.scrollTop };
    if (atBottom.current && newCount > 0) {
      setNewCount(0);
    }
    if (element.scrollTop <= edgePx && chat.hasOlder && !chat.loadingOlder) {
      void chat.loadOlder();
    }
  };

  const dayLabel = (day: string) => {
    const name = dayName(day, now, timeZone);
    return name === 'today' ? t('chat.today') : name === 'yesterday' ? t('chat.yesterday') : formatDate(day, language);
  };

  return (
    <div className="conversation">
      <div className="conversation__scroll" ref={scroller} onScroll={onScroll} role="region" aria-label={t('chat.conversation')} tabIndex={0}>
        {chat.hasOlder ? (
          <p className="conversation__older">
            <button type="button" className="button button--secondary button--small" disabled={chat.loadingOlder} onClick={() => void chat.loadOlder()}>
              {chat.loadingOlder ? t('chat.loadingOlder') : t('chat.loadOlder')}
            </button>
          </p>
        ) : null}
        <ol className="messages" aria-label={t('chat.messages')} aria-live="polite">
          {chat.loaded && messages.length === 0 ? <li className="muted messages__empty">{t('chat.noMessages')}</li> : null}
          {days.map((day) => (
            <li key={day.day} className="day" data-day={day.day}>
              <h3 className="day__label">
                <span>{dayLabel(day.day)}</span>
              </h3>
              <ol className="day__runs">
                {day.runs.map((run) => {
                  const mine = run.authorId === me;
                  const author = run.messages[0]?.author;
                  return (
                    <Fragment key={run.key}>
                      {run.key === unreadFrom ? (
                        <li className="unread-divider" ref={divider} data-unread-divider>
                          <span>{t('chat.newMessages')}</span>
                        </li>
                      ) : null}
                      <li className={mine ? 'run run--mine' : 'run'} data-run={run.key} data-author={run.authorId}>
                        {!mine && author !== undefined ? (
                          <Avatar id={author.id} name={author.fullName} size="sm" src={participants.find((p) => p.id === author.id)?.avatarUrl} />
                        ) : null}
                        <div className="run__body">
                          <p className={mine ? 'visually-hidden' : 'run__author'}>{mine ? t('chat.you') : author?.fullName}</p>
                          <ol className="run__messages">
                            {run.messages.map((message: ChatMessage) => (
                              <MessageItem
                                key={message.id}
                                message={message}
                                mine={mine}
                                onEdit={(text) => chat.edit(message.id, text)}
                                onDelete={() => chat.remove(message.id)}
                                readState={lastMine !== undefined && lastMine.id === message.id ? (isReadByOthers(message, participants) ? 'read' : 'sent') : null}
                              />
                            ))}
                          </ol>
                        </div>
                      </li>
                    </Fragment>
                  );
                })}
              </ol>
            </li>
          ))}
        </ol>
      </div>
      {newCount > 0 ? (
        <button type="button" className="button new-messages-pill" onClick={toBottom}>
          <ArrowDown className="icon" size={18} aria-hidden="true" focusable="false" />
          {t('chat.newMessagesPill', { count: newCount })}
        </button>
      ) : null}
    </div>
  );
}
