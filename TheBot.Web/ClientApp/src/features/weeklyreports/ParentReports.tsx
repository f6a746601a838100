import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { sortByLabel } from '../../format/collation';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { Pager } from '../../ui/Pager';
import { PersonSelectField } from '../../ui/PersonSelectField';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { formatWeekStart } from '../studyplans/weeks';
import { dashboardQuery } from '../dashboard/dashboardApi';
import { TrendChart } from './TrendChart';
import { TutorReportView } from './TutorReportView';
import { readTutorReport, toTrend, tutorReportsQuery, weeklyReportsKey, type TutorReport } from './weeklyReportsApi';

/** A parent reads each child's weekly reports, newest week first, with the trend of the weeks on the page. */
export function ParentReports() {
  const { t, language } = useI18n();
  const api = useApi();
  const dashboard = useQuery(dashboardQuery(api));
  const [chosen, setChosen] = useState('');
  if (dashboard.isPending) {
    return <LoadingState />;
  }
  if (dashboard.isError) {
    return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  }
  const children = sortByLabel(
    (dashboard.data.parent?.children ?? []).map((person) => ({ value: person.id, label: person.fullName })),
    (option) => option.label,
    language,
  );
  if (children.length === 0) {
    return <EmptyState message={t('progress.noStudents')} />;
  }
  const studentId = chosen !== '' ? chosen : (children[0]?.value ?? '');
  return (
    <>
      <div className="toolbar">
        <PersonSelectField name="reportChild" label={t('progress.student')} options={children} value={studentId} onChange={(event) => setChosen(event.target.value)} />
      </div>
      <ChildHistory key={studentId} studentId={studentId} />
    </>
  );
}

function ChildHistory({ studentId }: { studentId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const [page, setPage] = useState(1);
  const query = useQuery(tutorReportsQuery(api, { studentId, page }));
  if (query.isPending) {
    return <LoadingState />;
  }
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const reports = query.data.items;
  if (reports.length === 0) {
    return <EmptyState message={t('weeklyReports.noReports')} />;
  }
  const trend = toTrend(reports.filter((r) => r.legacyTitle === null || r.legacyTitle === undefined));
  return (
    <>
      {trend.length > 0 ? <TrendChart points={trend} /> : null}
      <ul className="item-list" aria-label={t('weeklyReports.historyTitle')}>
        {reports.map((report) => (
          <HistoryItem key={report.id} report={report} />
        ))}
      </ul>
      <Pager page={page} totalPages={query.data.totalPages} onPage={setPage} />
    </>
  );
}

/** Opening a sent report marks it read. */
function HistoryItem({ report }: { report: TutorReport }) {
  const { t, language } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const read = useMutation({
    mutationFn: () => readTutorReport(api, report.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: weeklyReportsKey }),
  });
  return (
    <li className="item-list__item">
      <details
        onToggle={(event) => {
          if (event.currentTarget.open && report.status === 'sent' && !read.isPending) {
            read.mutate();
          }
        }}
      >
        <summary className="weekly-report__summary">
          {t('weeklyReports.week', { date: formatWeekStart(report.weekStart, language) })}{' '}
          <span className="badge" data-status={report.status}>
            {t(`weeklyReports.status.${report.status}`)}
          </span>
        </summary>
        <TutorReportView report={report} />
      </details>
    </li>
  );
}
