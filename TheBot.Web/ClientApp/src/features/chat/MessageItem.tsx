import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { Avatar } from '../../ui/Avatar';
import { AttachmentLink } from './AttachmentLink';
import type { ChatMessage } from './chatApi';

/** One message: its author and time, its text or attachment, and (for my own) editing and deleting it in place. */
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
  const { t, formatDateTime } = useI18n();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(message.text);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

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
    if (!window.confirm(t('chat.deleteConfirm'))) {
      return;
    }
    setBusy(true);
    try {
      await onDelete();
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
        <span className="person">
          <Avatar id={message.author.id} name={message.author.fullName} size="sm" />
          <strong>{message.author.fullName}</strong>
        </span>{' '}
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
