import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { PersonSelectField } from '../../ui/PersonSelectField';
import { sortByLabel } from '../../format/collation';
import { dashboardQuery } from '../dashboard/dashboardApi';
import { activeEnrollmentsQuery } from '../schedule/lessonsApi';
import { AttendanceChart } from './AttendanceChart';
import { GradesChart } from './GradesChart';
import { ProgressExports } from './ProgressExports';
import { progressQuery, toAttendanceBars, toChartPoints } from './progressApi';
import { ScrollRegion } from '../../ui/ScrollRegion';

/**
 * A student's results: counts, average and grades over time (weekly reports have their own page). Parents, tutors and
 * teachers choose the student (teachers among those actively enrolled with them); tutors export to Excel.
 */
export function ProgressPage() {
  const { t, language } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const isStudent = user?.role === 'student';
  const isTeacher = user?.role === 'teacher';
  const dashboard = useQuery({ ...dashboardQuery(api), enabled: !isStudent && !isTeacher });
  const enrollments = useQuery({ ...activeEnrollmentsQuery(api), enabled: isTeacher });
  const people = isTeacher
    ? uniqueStudents(enrollments.data?.items.map((e) => e.student) ?? [])
    : (dashboard.data?.parent?.children ?? dashboard.data?.tutor?.students ?? []);
  const students = isStudent
    ? []
    : sortByLabel(
        people.map((person) => ({ value: person.id, label: person.fullName })),
        (option) => option.label,
        language,
      );
  const choices = isTeacher ? enrollments : dashboard;
  const [chosen, setChosen] = useState('');
  const studentId = isStudent ? (user?.id ?? '') : chosen !== '' ? chosen : (students[0]?.value ?? '');

  return (
    <section className="page">
      <PageHeading title={t('progress.title')}>{t('progress.title')}</PageHeading>
      {!isStudent ? (
        choices.isPending ? (
          <LoadingState />
        ) : choices.isError ? (
          <ErrorState error={choices.error} onRetry={() => void choices.refetch()} />
        ) : students.length === 0 ? (
          <EmptyState message={t('progress.noStudents')} />
        ) : (
          <div className="toolbar">
            <PersonSelectField name="progressStudent" label={t('progress.student')} options={students} value={studentId} onChange={(event) => setChosen(event.target.value)} />
          </div>
        )
      ) : null}
      {user?.role === 'tutor' && students.length > 0 ? <ProgressExports studentId={studentId} /> : null}
      {studentId !== '' ? (
        <StudentProgressView studentId={studentId} />
      ) : null}
    </section>
  );
}

function uniqueStudents(people: readonly { id: string; fullName: string }[]) {
  const byId = new Map(people.map((person) => [person.id, person]));
  return [...byId.values()];
}

function StudentProgressView({ studentId }: { studentId: string }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const query = useQuery(progressQuery(api, studentId));
  if (query.isPending) {
    return <LoadingState />;
  }
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const progress = query.data;
  const points = toChartPoints(progress.scores);
  const attendance = toAttendanceBars(progress);
  return (
    <>
      <dl className="stats panel">
        {(
          [
            ['progress.average', progress.averagePercent === null ? '—' : `${progress.averagePercent}%`],
            ['progress.lessonsCompleted', progress.lessonsCompleted],
            ['progress.lessonsUpcoming', progress.lessonsUpcoming],
            ['progress.lessonsCancelled', progress.lessonsCancelled],
            ['progress.lessonsMissed', progress.lessonsMissed],
            ['progress.graded', `${progress.graded} / ${progress.submissions}`],
            ['progress.late', progress.lateSubmissions],
            ['progress.materials', `${progress.materialsCompleted} / ${progress.materialsOpened}`],
          ] as const
        ).map(([label, value]) => (
          <div className="stats__item" key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {attendance.length > 0 ? <AttendanceChart bars={attendance} /> : null}
      {points.length === 0 ? (
        <EmptyState message={t('dashboard.noGrades')} />
      ) : (
        <>
          {points.length > 1 ? <GradesChart points={points} /> : null}
          <ScrollRegion label={t('progress.grades')}>
            <table className="table">
              <caption className="visually-hidden">{t('progress.grades')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('progress.gradedAt')}</th>
                  <th scope="col">{t('lesson.subject')}</th>
                  <th scope="col">{t('progress.assignment')}</th>
                  <th scope="col">{t('progress.score')}</th>
                </tr>
              </thead>
              <tbody>
                {progress.scores.map((score) => (
                  <tr key={score.submissionId}>
                    <td>
                      <time dateTime={score.gradedAt}>{formatDateTime(score.gradedAt)}</time>
                    </td>
                    <td>{score.subject}</td>
                    <td>{score.assignment}</td>
                    <td>
                      {t('dashboard.score', { score: String(score.finalScore), max: String(score.maxScore) })}
                      {score.isLate ? ` · ${t('dashboard.late')}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </>
  );
}
