import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight, Copy, FilePlus } from 'lucide-react';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { sortByLabel } from '../../format/collation';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeading } from '../../ui/PageHeading';
import { Pager } from '../../ui/Pager';
import { PersonSelectField } from '../../ui/PersonSelectField';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { SelectField } from '../../ui/SelectField';
import { dashboardQuery } from '../dashboard/dashboardApi';
import { activeEnrollmentsQuery } from '../schedule/lessonsApi';
import { StudyPlanEditor, type PlanTarget } from './StudyPlanEditor';
import { StudyPlanView } from './StudyPlanView';
import { copyPreviousStudyPlan, currentWeekQuery, shiftWeek, studyPlansKey, studyPlansQuery } from './studyPlansApi';
import { formatWeekStart } from './weeks';

/** Teachers write their students' weekly plans; tutors and parents read the sent ones of their students and children. */
export function StudyPlansPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  return (
    <section className="page">
      <PageHeading title={t('studyPlans.title')}>{t('studyPlans.title')}</PageHeading>
      {user?.role === 'teacher' ? <TeacherPlans /> : <FamilyPlans />}
    </section>
  );
}

function TeacherPlans() {
  const { t, language } = useI18n();
  const api = useApi();
  const enrollments = useQuery(activeEnrollmentsQuery(api));
  const currentWeek = useQuery(currentWeekQuery(api));
  const [chosen, setChosen] = useState('');
  const [week, setWeek] = useState<string | null>(null);
  if (enrollments.isPending || currentWeek.isPending) {
    return <LoadingState />;
  }
  if (enrollments.isError || currentWeek.isError) {
    const failed = enrollments.isError ? enrollments : currentWeek;
    return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  }
  const options = sortByLabel(
    enrollments.data.items.map((e) => ({ value: e.id, label: `${e.student.fullName} — ${e.subject.name}` })),
    (option) => option.label,
    language,
  );
  if (options.length === 0) {
    return <EmptyState message={t('studyPlans.noEnrollments')} />;
  }
  const enrollmentId = chosen !== '' ? chosen : (options[0]?.value ?? '');
  const enrollment = enrollments.data.items.find((e) => e.id === enrollmentId);
  const weekStart = week ?? currentWeek.data.weekStart;
  return (
    <>
      <div className="toolbar">
        <SelectField name="studyPlanEnrollment" label={t('studyPlans.enrollment')} options={options} value={enrollmentId} onChange={(event) => setChosen(event.target.value)} />
      </div>
      <div className="actions actions--compact week-picker" role="group" aria-label={t('studyPlans.week', { date: formatWeekStart(weekStart, language) })}>
        <button type="button" className="button button--secondary button--small" onClick={() => setWeek(shiftWeek(weekStart, -1))}>
          <ChevronLeft aria-hidden="true" size={16} /> {t('studyPlans.previousWeek')}
        </button>
        <strong className="week-picker__label" aria-live="polite">
          {t('studyPlans.week', { date: formatWeekStart(weekStart, language) })}
        </strong>
        <button type="button" className="button button--secondary button--small" onClick={() => setWeek(shiftWeek(weekStart, 1))}>
          {t('studyPlans.nextWeek')} <ChevronRight aria-hidden="true" size={16} />
        </button>
        {weekStart !== currentWeek.data.weekStart ? (
          <button type="button" className="button button--secondary button--small" onClick={() => setWeek(null)}>
            {t('studyPlans.thisWeek')}
          </button>
        ) : null}
      </div>
      {enrollment ? <WeekPlan target={{ studentId: enrollment.student.id, subjectId: enrollment.subject.id, weekStart }} /> : null}
    </>
  );
}

function WeekPlan({ target }: { target: PlanTarget }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [starting, setStarting] = useState<string | null>(null);
  const key = `${target.studentId}/${target.subjectId}/${target.weekStart}`;
  const query = useQuery(studyPlansQuery(api, target));
  const copy = useMutation({
    mutationFn: () => copyPreviousStudyPlan(api, target),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: studyPlansKey }),
  });
  if (query.isPending) {
    return <LoadingState />;
  }
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const plan = query.data.items[0];
  if (plan) {
    return (
      <>
        <p>
          <span className="badge" data-status={plan.status}>
            {t(`studyPlans.status.${plan.status}`)}
          </span>
        </p>
        <StudyPlanEditor key={plan.id} plan={plan} target={target} />
      </>
    );
  }
  if (starting === key) {
    return <StudyPlanEditor key={key} target={target} />;
  }
  return (
    <>
      <EmptyState message={t('studyPlans.noPlan')} />
      <div className="actions">
        <button type="button" className="button" onClick={() => setStarting(key)}>
          <FilePlus aria-hidden="true" size={16} /> {t('studyPlans.startEmpty')}
        </button>
        <button type="button" className="button button--secondary" disabled={copy.isPending} onClick={() => copy.mutate()}>
          <Copy aria-hidden="true" size={16} /> {t('studyPlans.copyPrevious')}
        </button>
      </div>
      {copy.error ? <FormAlert message={describeError(copy.error, t)} /> : null}
    </>
  );
}

function FamilyPlans() {
  const { t, language } = useI18n();
  const api = useApi();
  const dashboard = useQuery(dashboardQuery(api));
  const [chosen, setChosen] = useState('');
  const [page, setPage] = useState(1);
  const people = dashboard.data?.parent?.children ?? dashboard.data?.tutor?.students ?? [];
  const students = sortByLabel(
    people.map((person) => ({ value: person.id, label: person.fullName })),
    (option) => option.label,
    language,
  );
  const studentId = chosen !== '' ? chosen : (students[0]?.value ?? '');
  const plans = useQuery({ ...studyPlansQuery(api, { studentId, page }), enabled: studentId !== '' });
  if (dashboard.isPending) {
    return <LoadingState />;
  }
  if (dashboard.isError) {
    return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  }
  if (students.length === 0) {
    return <EmptyState message={t('studyPlans.noStudents')} />;
  }
  return (
    <>
      <div className="toolbar">
        <PersonSelectField
          name="studyPlanStudent"
          label={t('studyPlans.student')}
          options={students}
          value={studentId}
          onChange={(event) => {
            setChosen(event.target.value);
            setPage(1);
          }}
        />
      </div>
      {plans.isPending ? (
        <LoadingState />
      ) : plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.items.length === 0 ? (
        <EmptyState message={t('studyPlans.noPlans')} />
      ) : (
        <div className="study-plans">
          {plans.data.items.map((plan) => (
            <StudyPlanView key={plan.id} plan={plan} canTick={false} />
          ))}
          {plans.data.totalPages > 1 ? <Pager page={page} totalPages={plans.data.totalPages} onPage={setPage} /> : null}
        </div>
      )}
    </>
  );
}
