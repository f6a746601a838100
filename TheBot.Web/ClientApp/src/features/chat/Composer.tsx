import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/I18nContext';

/**
 * The box a message is written in, with an optional file: Enter sends, Shift+Enter starts a new line, and the
 * text comes back if sending fails.
 */
export function Composer({ onSend, onTyping }: { onSend: (text: string, file: File | null) => Promise<void>; onTyping: () => void }) {
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
