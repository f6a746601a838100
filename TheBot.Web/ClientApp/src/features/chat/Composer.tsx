import { Paperclip, SendHorizontal } from 'lucide-react';
import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { browserDraftStorage, clearDraft, loadDraft, saveDraft } from './drafts';

/**
 * The box a message is written in, with an optional file: Enter sends, Shift+Enter starts a new line, and the
 * text comes back if sending fails. Unsent text is kept as this user's draft for the room until it is sent.
 */
export function Composer({
  roomId,
  userId,
  onSend,
  onTyping,
}: {
  roomId: string;
  userId: string;
  onSend: (text: string, file: File | null) => Promise<void>;
  onTyping: () => void;
}) {
  const { t } = useI18n();
  const [storage] = useState(browserDraftStorage);
  const [text, setText] = useState(() => loadDraft(storage, userId, roomId));
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
      clearDraft(storage, userId, roomId);
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
          saveDraft(storage, userId, roomId, event.target.value);
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
      <label className="button button--secondary composer__attach" htmlFor="chat-attachment" title={t('chat.attach')}>
        <Paperclip className="icon" size={18} aria-hidden="true" focusable="false" />
        <span className={file === null ? 'composer__attach-label' : 'composer__file-name'}>{file === null ? t('chat.attach') : file.name}</span>
      </label>
      <button type="submit" className="button composer__send" disabled={busy || (text.trim() === '' && file === null)}>
        <SendHorizontal className="icon" size={18} aria-hidden="true" focusable="false" />
        <span className="composer__send-label">{t('chat.send')}</span>
      </button>
    </form>
  );
}
