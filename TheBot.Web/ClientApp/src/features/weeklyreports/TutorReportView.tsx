import { useI18n } from '../../i18n/I18nContext';
import { formatWeekStart } from '../studyplans/weeks';
import { FiguresLine } from './FiguresFields';
import type { TutorReport } from './weeklyReportsApi';

/** A tutor's report as the parents read it. */
export function TutorReportView({ report }: { report: TutorReport }) {
  const { t, language, formatDateTime } = useI18n();
  return (
    <article className="weekly-report" data-tutor-report={report.id}>
      <p>
        <strong>{report.legacyTitle ?? t('weeklyReports.week', { date: formatWeekStart(report.weekStart, language) })}</strong> · {report.author.fullName}{' '}
        <span className="badge" data-status={report.status}>
          {t(`weeklyReports.status.${report.status}`)}
        </span>
        {report.sentAt ? (
          <>
            {' '}
            <time dateTime={report.sentAt}>{formatDateTime(report.sentAt)}</time>
          </>
        ) : null}
      </p>
      {report.legacyTitle === null || report.legacyTitle === undefined ? <FiguresLine figures={report.figures} /> : null}
      <dl className="weekly-report__parts">
        <div>
          <dt>{t('weeklyReports.summary')}</dt>
          <dd className="pre-wrap">{report.summary}</dd>
        </div>
        {report.notes.map((note) => (
          <div key={note.subject.id}>
            <dt>{note.subject.name}</dt>
            <dd className="pre-wrap">{note.text}</dd>
          </div>
        ))}
        {report.recommendations !== '' ? (
          <div>
            <dt>{t('weeklyReports.recommendations')}</dt>
            <dd className="pre-wrap">{report.recommendations}</dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
