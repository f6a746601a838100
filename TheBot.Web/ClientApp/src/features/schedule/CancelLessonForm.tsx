import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../api/problemDetails';
import { useI18n } from '../../i18n/I18nContext';
import { TextField } from '../../ui/TextField';

/** Asks why the lesson is cancelled; cancelling needs a reason. */
export function CancelLessonForm({
  busy,
  fieldErrors,
  onCancel,
}: {
  busy: boolean;
  fieldErrors: FieldErrors;
  onCancel: (reason: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onCancel(reason.trim());
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <TextField
        name="cancelReason"
        label={t('lesson.cancelReason')}
        value={reason}
        required
        maxLength={500}
        errors={fieldErrors['reason']}
        onChange={(event) => setReason(event.target.value)}
      />
      <button type="submit" className="button button--danger" disabled={busy || reason.trim() === ''}>
        {t('lesson.cancelConfirm')}
      </button>
    </form>
  );
}
