import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ChevronDown, ChevronUp } from 'lucide-react';
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
  materialStudentsQuery,
  minutesSpent,
  recordMaterialProgress,
  uploadMaterialFile,
  type Material,
  type MaterialStatus,
} from './materialsApi';
import { MaterialQuestions } from './MaterialQuestions';
import { useMaterialHeartbeat } from './useMaterialHeartbeat';

/**
 * A material in the list. Opened, it shows its questions (and, to its teacher, who studied it); a student's opening
 * and the time it stays open and visible count towards their progress.
 */
export function MaterialItem({
  material,
  teaches,
  student,
  initiallyOpen = false,
}: {
  material: Material;
  teaches: boolean;
  student: boolean;
  initiallyOpen?: boolean;
}) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(initiallyOpen);
  useMaterialHeartbeat(material.id, student && open);
  const [completedHere, setCompleted] = useState(false);
  const completed = completedHere || (material.progress?.completedAt ?? null) !== null;
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
  const complete = useMutation({
    mutationFn: () => recordMaterialProgress(api, material.id, true),
    onSuccess: () => {
      setCompleted(true);
      refresh();
    },
  });
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
      {student ? <MyProgress material={material} completed={completed} /> : null}
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
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={open}
          aria-controls={`material-details-${material.id}`}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? <ChevronUp size={16} aria-hidden="true" /> : <ChevronDown size={16} aria-hidden="true" />}
          {open ? t('materials.close') : t('materials.open')}
        </button>
      </div>
      {open ? (
        <div id={`material-details-${material.id}`} className="material__details">
          {teaches ? <WhoStudied materialId={material.id} /> : null}
          <MaterialQuestions material={material} teaches={teaches} student={student} />
        </div>
      ) : null}
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

/** The student's own progress on the material: not opened, opened or studied, and the time spent. */
function MyProgress({ material, completed }: { material: Material; completed: boolean }) {
  const { t } = useI18n();
  const progress = material.progress ?? null;
  const state = completed ? 'completed' : progress !== null ? 'opened' : 'new';
  return (
    <p className="material__progress" data-progress={state}>
      <span className="badge badge--neutral">{t(`materials.progress.${state}`)}</span>
      {progress !== null ? <> · {t('materials.progress.time', { minutes: minutesSpent(progress.secondsSpent) })}</> : null}
    </p>
  );
}

/** For the teacher: who opened and studied the material, and for how long. */
function WhoStudied({ materialId }: { materialId: string }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const query = useQuery(materialStudentsQuery(api, materialId));
  if (!query.isSuccess) {
    return null;
  }
  return (
    <section className="material__students" aria-label={t('materials.progress.whoStudied')}>
      <h3>{t('materials.progress.whoStudied')}</h3>
      {query.data.length === 0 ? (
        <p className="muted">{t('materials.progress.nobody')}</p>
      ) : (
        <ul>
          {query.data.map((row) => (
            <li key={row.student.id}>
              {row.student.fullName} · {row.completedAt !== null ? t('materials.progress.completed') : t('materials.progress.opened')}{' '}
              <time dateTime={row.openedAt}>{formatDateTime(row.openedAt)}</time> · {t('materials.progress.time', { minutes: minutesSpent(row.secondsSpent) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
