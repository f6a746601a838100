import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { saveFile } from '../../ui/saveFile';
import { SelectField } from '../../ui/SelectField';
import { formatFileSize } from '../../format/fileSize';
import {
  changeMaterialStatus,
  downloadMaterialFile,
  MATERIAL_STATUSES,
  materialsKey,
  recordMaterialProgress,
  uploadMaterialFile,
  type Material,
  type MaterialStatus,
} from './materialsApi';

export function MaterialItem({ material, teaches, student }: { material: Material; teaches: boolean; student: boolean }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [completed, setCompleted] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: materialsKey });
  const download = useMutation({
    mutationFn: async () => {
      const file = await downloadMaterialFile(api, material.id);
      if (student) {
        await recordMaterialProgress(api, material.id, false);
      }
      return file;
    },
    onSuccess: (file) => saveFile(file.blob, file.fileName ?? material.file?.name ?? 'material'),
  });
  const complete = useMutation({ mutationFn: () => recordMaterialProgress(api, material.id, true), onSuccess: () => setCompleted(true) });
  const status = useMutation({ mutationFn: (next: MaterialStatus) => changeMaterialStatus(api, material.id, next), onSuccess: refresh });
  const upload = useMutation({ mutationFn: (file: File) => uploadMaterialFile(api, material.id, file), onSuccess: refresh });
  const error = download.error ?? complete.error ?? status.error ?? upload.error;

  return (
    <li className="item-list__item material" data-material={material.id}>
      <p>
        <strong>{material.title}</strong> · {t(`materials.kind.${material.kind}`)} · {t('materials.difficulty', { level: material.difficulty })}
        {teaches ? (
          <>
            {' '}
            <span className="badge" data-status={material.status}>
              {t(`materials.status.${material.status}`)}
            </span>
          </>
        ) : null}
      </p>
      {material.description ? <p className="pre-wrap">{material.description}</p> : null}
      {material.videoUrl ? (
        <p>
          <a href={material.videoUrl} target="_blank" rel="noopener noreferrer">
            {t('materials.watch')}
          </a>
        </p>
      ) : null}
      <div className="actions actions--compact">
        {material.file ? (
          <button type="button" className="button button--small" disabled={download.isPending} onClick={() => download.mutate()}>
            {t('materials.download', { name: material.file.name, size: formatFileSize(material.file.length) })}
          </button>
        ) : null}
        {student ? (
          <button type="button" className="button button--secondary button--small" disabled={complete.isPending || completed} onClick={() => complete.mutate()}>
            {completed ? t('materials.completed') : t('materials.markCompleted')}
          </button>
        ) : null}
      </div>
      {teaches ? (
        <div className="form form--inline">
          <SelectField
            name={`material-status-${material.id}`}
            label={t('materials.statusField')}
            options={MATERIAL_STATUSES.map((value) => ({ value, label: t(`materials.status.${value}`) }))}
            value={material.status}
            disabled={status.isPending}
            onChange={(event) => status.mutate(event.target.value as MaterialStatus)}
          />
          <Field name={`material-file-${material.id}`} label={material.file ? t('materials.replaceFile') : t('materials.attachFile')}>
            {(control) => (
              <input
                {...control}
                type="file"
                disabled={upload.isPending}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (file) {
                    upload.mutate(file);
                  }
                  event.target.value = '';
                }}
              />
            )}
          </Field>
        </div>
      ) : null}
      {error ? <FormAlert message={describeError(error, t)} /> : null}
    </li>
  );
}
