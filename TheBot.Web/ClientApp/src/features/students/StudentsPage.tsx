import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { Pager } from '../../ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { SearchBox } from '../../ui/SearchBox';
import { CreateStudentForm } from './CreateStudentForm';
import { StudentCard } from './StudentCard';
import { myStudentsQuery } from './studentsApi';

/** The tutor's students: add a student with their parent, enrol them in subjects. */
export function StudentsPage() {
  const { t } = useI18n();
  const api = useApi();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [enrollingId, setEnrollingId] = useState<string | null>(null);
  const query = useQuery({ ...myStudentsQuery(api, { search, page }), placeholderData: keepPreviousData });

  return (
    <section className="page">
      <PageHeading title={t('students.title')}>{t('students.title')}</PageHeading>
      {creating ? (
        <CreateStudentForm onClose={() => setCreating(false)} />
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('students.new')}
          </button>
        </div>
      )}
      <SearchBox
        label={t('students.search')}
        onSearch={(value) => {
          setSearch(value);
          setPage(1);
        }}
      />
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        query.data.items.length === 0 ? (
          <EmptyState message={t('students.empty')} />
        ) : (
          <>
            <ul className="card-list">
              {query.data.items.map((student) => (
                <StudentCard
                  key={student.id}
                  student={student}
                  enrolling={enrollingId === student.id}
                  onEnroll={() => setEnrollingId(student.id)}
                  onEnrollDone={() => setEnrollingId(null)}
                />
              ))}
            </ul>
            <Pager page={query.data.page} totalPages={query.data.totalPages} onPage={setPage} />
          </>
        )
      ) : null}
    </section>
  );
}
