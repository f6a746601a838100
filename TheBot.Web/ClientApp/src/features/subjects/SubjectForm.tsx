import { useForm } from '../../forms/useForm';
import { useI18n } from '../../i18n/I18nContext';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { subjectRules, type SubjectField } from './subjectForm';
import type { SubjectInput } from './subjectsApi';

/** Name, description and colour of a subject, for adding one or changing it. */
export function SubjectForm({ initial, title, submitLabel, onSubmit, onCancel }: {
  initial: Readonly<Record<SubjectField, string>>;
  title: string;
  submitLabel: string;
  onSubmit: (input: SubjectInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const form = useForm(initial, subjectRules, async (values) => {
    await onSubmit({ name: values.name.trim(), description: values.description.trim(), color: values.color });
    form.reset();
  });
  return (
    <form className="form" noValidate onSubmit={form.onSubmit} aria-label={title}>
      <TextField {...form.field('name')} label={t('subjects.name')} required />
      <TextAreaField {...form.field('description')} label={t('subjects.description')} rows={2} />
      <TextField {...form.field('color')} type="color" label={t('subjects.color')} />
      <FormAlert message={form.formError} />
      <FormActions
        submitLabel={submitLabel}
        busy={form.submitting}
        busyLabel={t('common.saving')}
        dismiss={onCancel ? { label: t('common.cancel'), onClick: onCancel } : undefined}
      />
    </form>
  );
}
