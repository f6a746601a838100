import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { createReport, markReportRead, reportListQuery, reportsKey, sendReport, type ProgressReport } from './reportsApi';

/** Progress reports about one student: teachers and tutors write and send them, parents read them. */
export function ReportsPanel({ studentId }: { studentId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const query = useQuery(reportListQuery(api, studentId));
  const writes = user?.role === 'teacher' || user?.role === 'tutor';

  return (
    <section className="panel" aria-labelledby="progress-reports">
      <h2 id="progress-reports">{t('reports.title')}</h2>
      {writes ? <NewReportForm studentId={studentId} /> : null}
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        query.data.items.length === 0 ? (
          <EmptyState message={t('reports.empty')} />
        ) : (
          <ul className="item-list">
            {query.data.items.map((report) => (
              <ReportItem key={report.id} report={report} mine={report.author.id === user?.id} parent={user?.role === 'parent'} />
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

function ReportItem({ report, mine, parent }: { report: ProgressReport; mine: boolean; parent: boolean }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const action = useMutation({
    mutationFn: () => (mine ? sendReport(api, report.id) : markReportRead(api, report.id)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reportsKey }),
  });
  const canSend = mine && report.status === 'draft';
  const canRead = parent && report.status === 'sent';
  return (
    <li className="item-list__item" data-report={report.id}>
      <p>
        <strong>{report.title}</strong> · {report.author.fullName} ·{' '}
        <time dateTime={report.sentAt ?? report.createdAt}>{formatDateTime(report.sentAt ?? report.createdAt)}</time>{' '}
        <span className="badge" data-status={report.status}>
          {t(`reports.status.${report.status}`)}
        </span>
      </p>
      <p className="pre-wrap">{report.body}</p>
      {canSend || canRead ? (
        <div className="actions actions--compact">
          <button type="button" className="button button--small" disabled={action.isPending} onClick={() => action.mutate()}>
            {canSend ? t('reports.send') : t('reports.markRead')}
          </button>
        </div>
      ) : null}
      <FormAlert message={action.isError ? describeError(action.error, t) : null} />
    </li>
  );
}

function NewReportForm({ studentId }: { studentId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const mutation = useMutation({
    mutationFn: () => createReport(api, { studentId, title: title.trim(), body: body.trim() }),
    onSuccess: () => {
      setTitle('');
      setBody('');
      void queryClient.invalidateQueries({ queryKey: reportsKey });
    },
  });
  const fieldErrors = isApiError(mutation.error) ? mutation.error.fieldErrors : {};
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('reports.new')}>
      <TextField name="reportTitle" label={t('reports.titleField')} value={title} required maxLength={200} errors={fieldErrors['title']} onChange={(event) => setTitle(event.target.value)} />
      <TextAreaField name="reportBody" label={t('reports.body')} rows={5} required maxLength={10000} value={body} errors={fieldErrors['body']} onChange={(event) => setBody(event.target.value)} />
      {mutation.isError && Object.keys(fieldErrors).length === 0 ? <FormAlert message={describeError(mutation.error, t)} /> : null}
      <FormActions submitLabel={t('reports.saveDraft')} busy={mutation.isPending} disabled={title.trim() === '' || body.trim() === ''} />
    </form>
  );
}
