import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { PagedList } from '../../ui/PagedList';
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
      <PagedList query={query} empty={t('students.empty')} onPage={setPage}>
        {(items) => (
          <ul className="card-list">
            {items.map((student) => (
              <StudentCard
                key={student.id}
                student={student}
                enrolling={enrollingId === student.id}
                onEnroll={() => setEnrollingId(student.id)}
                onEnrollDone={() => setEnrollingId(null)}
              />
            ))}
          </ul>
        )}
      </PagedList>
    </section>
  );
}
