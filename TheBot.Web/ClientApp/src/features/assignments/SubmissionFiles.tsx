import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { saveFile } from '../../ui/saveFile';
import { formatFileSize } from '../../format/fileSize';
import { downloadSubmissionFile, type Submission, type SubmissionFile } from './assignmentsApi';

/** The files handed in with a submission, each a download button (the API checks who may have it). */
export function SubmissionFiles({ submission }: { submission: Submission }) {
  const { t } = useI18n();
  const api = useApi();
  const download = useMutation({
    mutationFn: (file: SubmissionFile) => downloadSubmissionFile(api, submission.id, file.id),
    onSuccess: (downloaded, file) => saveFile(downloaded.blob, downloaded.fileName ?? file.name),
  });
  if (submission.files.length === 0) {
    return null;
  }
  return (
    <div className="submission-files">
      <p className="muted">{t('assignments.files')}</p>
      <ul className="file-list">
        {submission.files.map((file) => (
          <li key={file.id}>
            <button type="button" className="button button--link" disabled={download.isPending} onClick={() => download.mutate(file)}>
              {file.name}
            </button>{' '}
            <span className="muted">({formatFileSize(file.length)})</span>
          </li>
        ))}
      </ul>
      {download.isError ? <FormAlert message={describeError(download.error, t)} /> : null}
    </div>
  );
}
