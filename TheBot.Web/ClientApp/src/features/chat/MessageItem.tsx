import { Copy, Pencil, Trash } from 'lucide-react';
import { useRef, useState, type FormEvent, type PointerEvent } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { RowMenu, type RowAction } from '../../ui/RowMenu';
import { AttachmentLink } from './AttachmentLink';
import type { ChatMessage } from './chatApi';

/** How long a finger rests on a message before its actions open (the platforms' own long press is about this). */
const longPressMs = 500;
/** A finger that moves further than this is scrolling, not pressing. */
const longPressSlopPx = 10;

const icon = { className: 'icon', size: 18, 'aria-hidden': true, focusable: false } as const;

/**
 * One bubble: its text or attachment, its time, and its actions (copy; edit and delete my own) in a menu that shows on
 * hover or focus and opens on a long press on touch screens. Deleting asks first; editing happens in place.
 */
export function MessageItem({
  message,
  mine,
  readState,
  onEdit,
  onDelete,
}: {
  message: ChatMessage;
  mine: boolean;
  readState: 'read' | 'sent' | null;
  onEdit: (text: string) => Promise<void>;
  onDelete: () => Promise<void>;
}) {
  const { t, formatDateTime, formatTime } = useI18n();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(message.text);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const press = useRef<{ timer: number; x: number; y: number } | null>(null);
  const longPressed = useRef(false);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onEdit(text.trim());
      setEditing(false);
      setError(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await onDelete();
      setConfirming(false);
    } catch (failure) {
      setConfirming(false);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(message.text);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch (failure) {
      setError(failure);
    }
  };

  const actions: RowAction[] = [];
  if (!message.deleted && !message.pending && !editing) {
    if (message.text !== '') {
      actions.push({ label: t('chat.copy'), icon: <Copy {...icon} />, onSelect: () => void copy() });
    }
    if (mine) {
      actions.push({
        label: t('chat.editMessage'),
        icon: <Pencil {...icon} />,
        onSelect: () => {
          setText(message.text);
          setEditing(true);
        },
      });
      actions.push({ label: t('chat.deleteMessage'), icon: <Trash {...icon} />, destructive: true, disabled: busy, onSelect: () => setConfirming(true) });
    }
  }

  const cancelPress = () => {
    if (press.current !== null) {
      window.clearTimeout(press.current.timer);
      press.current = null;
    }
  };
  const pressStart = (event: PointerEvent<HTMLLIElement>) => {
    longPressed.current = false;
    if (event.pointerType === 'mouse' || actions.length === 0 || (event.target as HTMLElement).closest('button, a, input, textarea, label')) {
      return;
    }
    cancelPress();
    press.current = {
      x: event.clientX,
      y: event.clientY,
      timer: window.setTimeout(() => {
        press.current = null;
        longPressed.current = true;
        setMenuOpen(true);
      }, longPressMs),
    };
  };
  const pressMove = (event: PointerEvent<HTMLLIElement>) => {
    if (press.current !== null && Math.hypot(event.clientX - press.current.x, event.clientY - press.current.y) > longPressSlopPx) {
      cancelPress();
    }
  };

  return (
    <li
      className={`message${mine ? ' message--mine' : ''}${message.pending ? ' message--pending' : ''}${menuOpen ? ' message--menu-open' : ''}`}
      data-message={message.id}
      data-deleted={message.deleted ? 'true' : 'false'}
      onPointerDown={pressStart}
      onPointerMove={pressMove}
      onPointerUp={cancelPress}
      onPointerCancel={cancelPress}
      onContextMenu={(event) => {
        // The long press opened our menu: the browser's own (select, copy image…) would cover it.
        if (longPressed.current) {
          event.preventDefault();
        }
      }}
    >
      <div className="message__bubble">
        {message.deleted ? (
          <p className="message__text message__text--deleted">{t('chat.deleted')}</p>
        ) : editing ? (
          <form className="message__edit" onSubmit={(event) => void save(event)}>
            <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
              {t('chat.editLabel')}
            </label>
            <textarea
              id={`edit-${message.id}`}
              className="field__control"
              value={text}
              rows={2}
              maxLength={4000}
              autoFocus
              onChange={(event) => setText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.stopPropagation();
                  setEditing(false);
                } else if (event.key === 'Enter' && !event.shiftKey) {
                  event.preventDefault();
                  event.currentTarget.form?.requestSubmit();
                }
              }}
            />
            <div className="message__edit-actions">
              <button type="button" className="button button--secondary button--small" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="button button--small" disabled={busy || text.trim() === ''}>
                {t('common.save')}
              </button>
            </div>
          </form>
        ) : message.text !== '' ? (
          <p className="message__text">{message.text}</p>
        ) : null}
        {message.attachment && !message.deleted ? <AttachmentLink attachment={message.attachment} /> : null}
        <span className="message__stamp">
          {message.edited && !message.deleted ? <span>{t('chat.edited')} · </span> : null}
          {message.pending ? <span>{t('chat.sending')} · </span> : null}
          <time dateTime={message.createdAt} title={formatDateTime(message.createdAt)}>
            {formatTime(message.createdAt)}
          </time>
          {readState !== null ? (
            <span className="message__read" data-read={readState}>
              {' · '}
              {readState === 'read' ? t('chat.read') : t('chat.sent')}
            </span>
          ) : null}
        </span>
      </div>
      <RowMenu
        className="message__menu"
        label={t('chat.messageActions', { time: formatTime(message.createdAt) })}
        actions={actions}
        open={menuOpen}
        onOpenChange={setMenuOpen}
      />
      {copied ? (
        <p className="message__note" role="status">
          {t('chat.copied')}
        </p>
      ) : null}
      {error !== null ? <FormAlert message={describeError(error, t)} /> : null}
      {confirming ? (
        <ConfirmDialog
          open
          title={t('chat.deleteTitle')}
          message={t('chat.deleteConfirm')}
          confirmLabel={t('chat.deleteMessage')}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </li>
  );
}
