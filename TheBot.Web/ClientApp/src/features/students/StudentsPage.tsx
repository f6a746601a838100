import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { PagedList } from '../../ui/PagedList';
import { SearchBox } from '../../ui/SearchBox';
import { SelectField } from '../../ui/SelectField';
import { CreateStudentForm } from './CreateStudentForm';
import { StudentCard } from './StudentCard';
import { myStudentsQuery, type StudentShow } from './studentsApi';

const PAGE_SIZE = 20;

/**
 * The tutor's students, a page of compact rows at a time: search by name or email, show active, deactivated or all;
 * each row opens its details (parents, invitations, subjects) on demand and keeps its actions in a menu.
 */
export function StudentsPage() {
  const { t } = useI18n();
  const api = useApi();
  const [search, setSearch] = useState('');
  const [show, setShow] = useState<StudentShow>('all');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const query = useQuery({ ...myStudentsQuery(api, { search, page, show, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });

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
      <div className="list-filters">
        <SearchBox
          label={t('students.search')}
          onSearch={(value) => {
            setSearch(value);
            setPage(1);
          }}
        />
        <SelectField
          name="studentShow"
          label={t('students.show')}
          value={show}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'active', label: t('students.show.active') },
            { value: 'inactive', label: t('students.show.inactive') },
          ]}
          onChange={(event) => {
            setShow(event.target.value as StudentShow);
            setPage(1);
          }}
        />
      </div>
      {query.data ? (
        <p className="muted" aria-live="polite" data-testid="students-count">
          {t('users.count', { count: query.data.totalCount })}
        </p>
      ) : null}
      <PagedList query={query} empty={search === '' && show === 'all' ? t('students.empty') : t('students.noMatch')} onPage={setPage}>
        {(items) => (
          <ul className="compact-list" aria-label={t('students.title')}>
            {items.map((student) => (
              <StudentCard key={student.id} student={student} />
            ))}
          </ul>
        )}
      </PagedList>
    </section>
  );
}
