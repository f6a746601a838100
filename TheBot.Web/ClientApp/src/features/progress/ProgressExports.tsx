import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { saveFile } from '../../ui/saveFile';
import { exportProgress } from './progressApi';

/** Excel downloads for tutors: the chosen student's grades, or every student's summary. */
export function ProgressExports({ studentId }: { studentId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const download = useMutation({
    mutationFn: (one: boolean) => exportProgress(api, one ? studentId : undefined),
    onSuccess: (file, one) => saveFile(file.blob, file.fileName ?? (one ? 'progress.xlsx' : 'students-progress.xlsx')),
  });
  return (
    <div className="actions">
      <button type="button" className="button button--secondary" disabled={download.isPending || studentId === ''} onClick={() => download.mutate(true)}>
        {t('progress.exportStudent')}
      </button>
      <button type="button" className="button button--secondary" disabled={download.isPending} onClick={() => download.mutate(false)}>
        {t('progress.exportAll')}
      </button>
      <FormAlert message={download.isError ? describeError(download.error, t) : null} />
    </div>
  );
}
