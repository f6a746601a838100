import { useI18n } from '../../i18n/I18nContext';
import { formatDuration, type JobRun } from './jobsApi';
import { jobResult } from './jobText';
import { ScrollRegion } from '../../ui/ScrollRegion';

const tone = { running: 'pending', succeeded: 'approved', failed: 'rejected' } as const;

/** Runs of a job: when, how it ended, how long, what it said. */
export function JobRunsTable({ runs, caption }: { runs: readonly JobRun[]; caption: string }) {
  const { t, formatDateTime } = useI18n();
  return (
    <ScrollRegion label={caption}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('jobs.startedAt')}</th>
            <th scope="col">{t('jobs.outcome')}</th>
            <th scope="col">{t('jobs.duration')}</th>
            <th scope="col">{t('jobs.result')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>
                {formatDateTime(run.startedAt)}
                {run.manual ? <span className="muted"> · {t('jobs.manual')}</span> : null}
                {run.attempt > 1 ? <span className="muted"> · {t('jobs.attempt', { attempt: run.attempt })}</span> : null}
              </td>
              <td>
                <span className={`badge badge--${tone[run.outcome]}`} data-outcome={run.outcome}>
                  {t(`jobs.outcome.${run.outcome}`)}
                </span>
              </td>
              <td>{formatDuration(run.durationMs)}</td>
              <td>
                {run.error ? <span className="text-error">{run.error}</span> : jobResult(run, t)}
                {run.retryAt ? <span className="muted"> · {t('jobs.retryAt', { at: formatDateTime(run.retryAt) })}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
