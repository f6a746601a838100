import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { NavLink, useSearchParams } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { sortByLabel } from '../../format/collation';
import { useKnowledgeI18n } from './i18n';
import { useApi } from '../../services/ServicesContext';
import { PageHeading } from '../../ui/PageHeading';
import { PersonSelectField } from '../../ui/PersonSelectField';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { dashboardQuery } from '../dashboard/dashboardApi';
import { ElementBank } from './ElementBank';
import { GraphsList, NewGraphForm } from './GraphsList';
import { LessonsPanel } from './LessonsPanel';
import { ReviewsPanel } from './ReviewsPanel';
import { useTeacherClasses } from './useTeacherClasses';
import './knowledge.css';

const TEACHER_TABS = ['graphs', 'elements', 'lessons', 'reviews'] as const;
type TeacherTab = (typeof TEACHER_TABS)[number];

/** Knowledge graphs: the teacher's workshop (elements, lessons, graphs, reviews); everyone else's graphs to read. */
export function KnowledgePage() {
  const { t } = useKnowledgeI18n();
  const { user } = useAuth();
  return (
    <section className="page knowledge-page">
      <PageHeading title={t('knowledge.title')}>{t('knowledge.title')}</PageHeading>
      {user?.role === 'teacher' ? <TeacherKnowledge /> : user?.role === 'student' ? <StudentGraphs /> : <FamilyGraphs />}
    </section>
  );
}

function TeacherKnowledge() {
  const { t } = useKnowledgeI18n();
  const [params] = useSearchParams();
  const requested = params.get('tab');
  const tab: TeacherTab = TEACHER_TABS.includes(requested as TeacherTab) ? (requested as TeacherTab) : 'graphs';
  const classes = useTeacherClasses();
  if (classes.query.isPending) {
    return <LoadingState />;
  }
  if (classes.query.isError) {
    return <ErrorState error={classes.query.error} onRetry={() => void classes.query.refetch()} />;
  }
  return (
    <>
      <nav className="knowledge-tabs" aria-label={t('knowledge.sections')}>
        {TEACHER_TABS.map((name) => (
          <NavLink key={name} to={`/knowledge?tab=${name}`} className="knowledge-tabs__link" aria-current={tab === name ? 'page' : undefined}>
            {t(`knowledge.tab.${name}`)}
          </NavLink>
        ))}
      </nav>
      {classes.subjects.length === 0 ? <p className="muted">{t('knowledge.noSubjects')}</p> : null}
      {tab === 'elements' ? <ElementBank subjects={classes.subjects} /> : null}
      {tab === 'lessons' ? <LessonsPanel subjects={classes.subjects} /> : null}
      {tab === 'graphs' ? (
        <section aria-labelledby="knowledge-graphs-title">
          <h2 id="knowledge-graphs-title">{t('knowledge.graphs')}</h2>
          {classes.subjects.length > 0 ? <NewGraphForm subjects={classes.subjects} studentsOf={classes.studentsOf} /> : null}
          <GraphsList filter={{}} emptyMessage={t('knowledge.noGraphsTeacher')} />
        </section>
      ) : null}
      {tab === 'reviews' ? (
        <section aria-labelledby="knowledge-reviews-title">
          <h2 id="knowledge-reviews-title">{t('knowledge.reviews')}</h2>
          <ReviewsPanel />
        </section>
      ) : null}
    </>
  );
}

function StudentGraphs() {
  const { t } = useKnowledgeI18n();
  return (
    <section aria-labelledby="knowledge-my-graphs">
      <h2 id="knowledge-my-graphs">{t('knowledge.myGraphs')}</h2>
      <GraphsList filter={{}} emptyMessage={t('knowledge.noGraphsStudent')} />
    </section>
  );
}

/** Tutors and parents: a student's or child's graphs. */
function FamilyGraphs() {
  const { t, language } = useKnowledgeI18n();
  const api = useApi();
  const dashboard = useQuery(dashboardQuery(api));
  const [chosen, setChosen] = useState('');
  if (dashboard.isPending) {
    return <LoadingState />;
  }
  if (dashboard.isError) {
    return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  }
  const people = dashboard.data.parent?.children ?? dashboard.data.tutor?.students ?? [];
  const students = sortByLabel(
    people.map((person) => ({ value: person.id, label: person.fullName })),
    (option) => option.label,
    language,
  );
  if (students.length === 0) {
    return <EmptyState message={t('knowledge.noStudents')} />;
  }
  const studentId = chosen !== '' ? chosen : (students[0]?.value ?? '');
  return (
    <>
      <div className="toolbar">
        <PersonSelectField name="knowledgeStudent" label={t('knowledge.student')} options={students} value={studentId} onChange={(event) => setChosen(event.target.value)} />
      </div>
      <GraphsList filter={{ studentId }} emptyMessage={t('knowledge.noGraphsOfStudent')} />
    </>
  );
}
