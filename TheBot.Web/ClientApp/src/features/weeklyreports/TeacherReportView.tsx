import { useMutation } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { formatFileSize } from '../../format/fileSize';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { saveFile } from '../../ui/saveFile';
import { FiguresLine } from './FiguresFields';
import { downloadTeacherReportFile, type TeacherReport } from './weeklyReportsApi';

/** A teacher's report as sent: its four parts, figures and attachment. */
export function TeacherReportView({ report }: { report: TeacherReport }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const download = useMutation({
    mutationFn: () => downloadTeacherReportFile(api, report.id),
    onSuccess: (file) => saveFile(file.blob, file.fileName ?? report.file?.fileName ?? 'file'),
  });
  return (
    <article className="panel weekly-report" data-teacher-report={report.id}>
      <p>
        <strong>{report.subject.name}</strong> · {report.teacher.fullName}{' '}
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
      <FiguresLine figures={report.figures} />
      <dl className="weekly-report__parts">
        {(['summary', 'progress', 'concerns', 'recommendations'] as const).map((part) =>
          report[part] !== '' ? (
            <div key={part}>
              <dt>{t(`weeklyReports.${part}`)}</dt>
              <dd className="pre-wrap">{report[part]}</dd>
            </div>
          ) : null,
        )}
      </dl>
      {report.file ? (
        <button type="button" className="button button--secondary button--small" disabled={download.isPending} onClick={() => download.mutate()}>
          <Download aria-hidden="true" size={16} /> {t('weeklyReports.download', { name: report.file.fileName, size: formatFileSize(report.file.length) })}
        </button>
      ) : null}
    </article>
  );
}
