import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useForm } from '../../forms/useForm';
import { maxLength, required, type ValidationRules } from '../../forms/validation';
import { useI18n } from '../../i18n/I18nContext';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { MySubjectSelect } from '../subjects/MySubjectSelect';
import { createMaterial, MATERIAL_KINDS, MATERIAL_STATUSES, materialsKey, uploadMaterialFile, type MaterialStatus } from './materialsApi';

type NewMaterialField = 'subjectId' | 'title' | 'kind' | 'difficulty' | 'status' | 'videoUrl' | 'description';

const rules: ValidationRules<NewMaterialField> = {
  subjectId: [required],
  title: [required, maxLength(200)],
  kind: [required],
  difficulty: [],
  status: [required],
  videoUrl: [],
  description: [maxLength(4000)],
};

/** A new material for all my students of a subject, with an optional file sent right after it is created. */
export function NewMaterialForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  // A file is not text: it stays beside the form's text fields.
  const [file, setFile] = useState<File | null>(null);
  // Once created, a retry after a failed upload only uploads again: no duplicate material.
  const [createdId, setCreatedId] = useState<string | null>(null);
  const form = useForm(
    { subjectId: '', title: '', kind: 'document', difficulty: '1', status: 'active', videoUrl: '', description: '' },
    rules,
    async (values) => {
      try {
        const id =
          createdId ??
          (
            await createMaterial(api, {
              subjectId: values.subjectId,
              title: values.title.trim(),
              description: values.description.trim() === '' ? null : values.description.trim(),
              kind: values.kind,
              difficulty: Number(values.difficulty) || 1,
              videoUrl: values.videoUrl.trim() === '' ? null : values.videoUrl.trim(),
              status: values.status as MaterialStatus,
            })
          ).id;
        setCreatedId(id);
        if (file !== null) {
          await uploadMaterialFile(api, id, file);
        }
      } finally {
        void queryClient.invalidateQueries({ queryKey: materialsKey });
      }
      onDone();
    },
  );

  return (
    <form className="panel form" onSubmit={form.onSubmit} noValidate aria-labelledby="new-material">
      <h2 id="new-material">{t('materials.new')}</h2>
      <MySubjectSelect {...form.field('subjectId')} />
      <TextField {...form.field('title')} label={t('materials.titleField')} required maxLength={200} />
      <SelectField
        {...form.field('kind')}
        label={t('materials.kindField')}
        options={MATERIAL_KINDS.map((value) => ({ value, label: t(`materials.kind.${value}`) }))}
      />
      <TextField {...form.field('difficulty')} label={t('materials.difficultyField')} type="number" min={1} max={5} />
      <SelectField
        {...form.field('status')}
        label={t('materials.statusField')}
        options={MATERIAL_STATUSES.map((value) => ({ value, label: t(`materials.status.${value}`) }))}
      />
      <TextField {...form.field('videoUrl')} label={t('materials.videoField')} type="url" placeholder="https://" />
      <TextAreaField {...form.field('description')} label={t('assignments.description')} rows={4} maxLength={4000} />
      <Field name="file" label={t('materials.attachFile')}>
        {(control) => <input {...control} type="file" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
      </Field>
      <FormAlert message={form.formError} />
      <FormActions
        submitLabel={t('materials.create')}
        busy={form.submitting}
        busyLabel={t('common.saving')}
        disabled={form.values.subjectId === '' || form.values.title.trim() === ''}
        dismiss={{ label: t('common.cancel'), onClick: onDone }}
      />
    </form>
  );
}
