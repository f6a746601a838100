import { useState } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { saveFile } from '../../ui/saveFile';
import { formatFileSize } from '../../format/fileSize';
import { downloadAttachment, type ChatMessage } from './chatApi';

/** A message's file: a download button once stored, its name and size while it is still being sent. */
export function AttachmentLink({ attachment }: { attachment: NonNullable<ChatMessage['attachment']> }) {
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
