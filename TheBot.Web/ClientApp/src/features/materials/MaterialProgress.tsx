import { useId } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { minutesSpent, subjectProgress, type MaterialProgressSummary } from './materialsApi';

/** A student's share of a subject's materials studied, and the time spent on them. */
export function SubjectProgressBar({ rows, subject }: { rows: readonly MaterialProgressSummary[]; subject: string }) {
  const { t } = useI18n();
  const labelId = useId();
  const progress = subjectProgress(rows, subject);
  if (progress.materials === 0) {
    return null;
  }
  return (
    <div className="material-progress" data-subject-progress={progress.percent}>
      <span id={labelId}>
        {t('materials.progress.summary', { completed: progress.completed, total: progress.materials, percent: progress.percent })} ·{' '}
        {t('materials.progress.time', { minutes: minutesSpent(progress.secondsSpent) })}
      </span>
      <progress max={100} value={progress.percent} aria-labelledby={labelId} />
    </div>
  );
}

/** For teachers, tutors, parents and admins: each student's progress per subject. */
export function MaterialProgressTable({ rows }: { rows: readonly MaterialProgressSummary[] }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="material-progress-table" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('materials.progress.title')}</h2>
      <ScrollRegion labelledBy={headingId}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('materials.progress.student')}</th>
              <th scope="col">{t('materials.progress.subject')}</th>
              <th scope="col">{t('materials.progress.openedColumn')}</th>
              <th scope="col">{t('materials.progress.completedColumn')}</th>
              <th scope="col">{t('materials.progress.timeColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.student.id}-${row.subject.id}-${row.teacher.id}`} data-progress-student={row.student.id}>
                <th scope="row">{row.student.fullName}</th>
                <td>{row.subject.name}</td>
                <td>
                  {row.opened} / {row.materials}
                </td>
                <td>
                  <progress max={100} value={row.percentCompleted} aria-label={t('materials.progress.percent', { percent: row.percentCompleted })} />{' '}
                  {row.percentCompleted}%
                </td>
                <td>{t('materials.progress.time', { minutes: minutesSpent(row.secondsSpent) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
