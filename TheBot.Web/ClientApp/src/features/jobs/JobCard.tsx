import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { Pager } from '../../ui/Pager';
import { jobRunsQuery, jobsKey, runJobNow, type Job } from './jobsApi';
import { JobRunsTable } from './JobRunsTable';
import { jobDescription, jobSchedule } from './jobText';

/** One scheduled job: its schedule, next run, recent runs (or the full history), and "run now". */
export function JobCard({ job }: { job: Job }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [showAll, setShowAll] = useState(false);
  const [page, setPage] = useState(1);
  const runs = useQuery({ ...jobRunsQuery(api, job.name, page), enabled: showAll, placeholderData: keepPreviousData });
  const run = useMutation({ mutationFn: () => runJobNow(api, job.name), onSettled: () => queryClient.invalidateQueries({ queryKey: jobsKey }) });

  return (
    <li className="panel job" data-job={job.name}>
      <h2 className="job__name">
        <code>{job.name}</code>
      </h2>
      <p>{jobDescription(job, t)}</p>
      <dl className="details details--compact">
        <dt>{t('jobs.schedule')}</dt>
        <dd title={job.schedule}>{jobSchedule(job, t)}</dd>
        <dt>{t('jobs.nextRunAt')}</dt>
        <dd>{formatDateTime(job.nextRunAt)}</dd>
      </dl>
      <div className="actions">
        <button type="button" className="button" disabled={run.isPending} onClick={() => run.mutate()}>
          {t('jobs.runNow')}
        </button>
        <button type="button" className="button button--secondary" aria-expanded={showAll} onClick={() => setShowAll((open) => !open)}>
          {showAll ? t('jobs.showRecent') : t('jobs.showAll')}
        </button>
      </div>
      <FormAlert tone="success" message={run.isSuccess ? t('jobs.started') : null} />
      <FormAlert message={run.isError ? describeError(run.error, t) : null} />
      {showAll ? (
        runs.data ? (
          <>
            <JobRunsTable runs={runs.data.items} caption={t('jobs.allRuns', { name: job.name })} />
            <Pager page={runs.data.page} totalPages={runs.data.totalPages} onPage={setPage} />
          </>
        ) : (
          <p className="muted">{runs.isError ? describeError(runs.error, t) : t('common.loading')}</p>
        )
      ) : job.recentRuns.length === 0 ? (
        <p className="muted">{t('jobs.noRuns')}</p>
      ) : (
        <JobRunsTable runs={job.recentRuns} caption={t('jobs.recentRuns', { name: job.name })} />
      )}
    </li>
  );
}
