import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { MySubjectSelect } from '../subjects/MySubjectSelect';
import { createMaterial, MATERIAL_KINDS, MATERIAL_STATUSES, materialsKey, uploadMaterialFile, type MaterialStatus } from './materialsApi';

/** A new material for all my students of a subject, with an optional file sent right after it is created. */
export function NewMaterialForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [subjectId, setSubjectId] = useState('');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<string>('document');
  const [difficulty, setDifficulty] = useState('1');
  const [status, setStatus] = useState<MaterialStatus>('active');
  const [videoUrl, setVideoUrl] = useState('');
  const [description, setDescription] = useState('');
  const [file, setFile] = useState<File | null>(null);
  // Once created, a retry after a failed upload only uploads again: no duplicate material.
  const [createdId, setCreatedId] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async () => {
      const id = createdId ?? (await create()).id;
      setCreatedId(id);
      return file === null ? null : uploadMaterialFile(api, id, file);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: materialsKey }),
    onSuccess: onDone,
  });
  const create = () =>
      createMaterial(api, {
        subjectId,
        title: title.trim(),
        description: description.trim() === '' ? null : description.trim(),
        kind,
        difficulty: Number(difficulty) || 1,
        videoUrl: videoUrl.trim() === '' ? null : videoUrl.trim(),
        status,
      });
  const fieldErrors = isApiError(mutation.error) ? mutation.error.fieldErrors : {};
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate aria-labelledby="new-material">
      <h2 id="new-material">{t('materials.new')}</h2>
      <MySubjectSelect name="materialSubject" value={subjectId} errors={fieldErrors['subjectId']} onChange={setSubjectId} />
      <TextField name="materialTitle" label={t('materials.titleField')} value={title} required maxLength={200} errors={fieldErrors['title']} onChange={(event) => setTitle(event.target.value)} />
      <SelectField
        name="materialKind"
        label={t('materials.kindField')}
        options={MATERIAL_KINDS.map((value) => ({ value, label: t(`materials.kind.${value}`) }))}
        value={kind}
        errors={fieldErrors['kind']}
        onChange={(event) => setKind(event.target.value)}
      />
      <TextField name="materialDifficulty" label={t('materials.difficultyField')} type="number" min={1} max={5} value={difficulty} errors={fieldErrors['difficulty']} onChange={(event) => setDifficulty(event.target.value)} />
      <SelectField
        name="materialStatus"
        label={t('materials.statusField')}
        options={MATERIAL_STATUSES.map((value) => ({ value, label: t(`materials.status.${value}`) }))}
        value={status}
        errors={fieldErrors['status']}
        onChange={(event) => setStatus(event.target.value as MaterialStatus)}
      />
      <TextField name="materialVideo" label={t('materials.videoField')} type="url" placeholder="https://" value={videoUrl} errors={fieldErrors['videoUrl']} onChange={(event) => setVideoUrl(event.target.value)} />
      <TextAreaField name="materialDescription" label={t('assignments.description')} rows={4} maxLength={4000} value={description} errors={fieldErrors['description']} onChange={(event) => setDescription(event.target.value)} />
      <Field name="materialFile" label={t('materials.attachFile')}>
        {(control) => <input {...control} type="file" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
      </Field>
      {mutation.isError ? <FormAlert message={describeError(mutation.error, t)} /> : null}
      <FormActions
        submitLabel={t('materials.create')}
        busy={mutation.isPending}
        busyLabel={t('common.saving')}
        disabled={subjectId === '' || title.trim() === ''}
        dismiss={{ label: t('common.cancel'), onClick: onDone }}
      />
    </form>
  );
}
