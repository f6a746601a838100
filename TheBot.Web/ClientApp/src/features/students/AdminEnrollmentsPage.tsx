import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { queryString, type PagedResult } from '../../api/paging';
import { enumValues, type Schemas } from '../../api/schemas';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { PagedList } from '../../ui/PagedList';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { SelectField } from '../../ui/SelectField';
import { enrollmentsKey, type Enrollment } from './studentsApi';

const STATUSES = enumValues<Schemas['EnrollmentStatus']>()(['active', 'completed', 'dropped']);

/**
 * Every enrollment in the school (admins), a page at a time, filtered by status: what the dashboard's "Active enrollments"
 * counts (it links here with `?status=active`). The filter lives in the address, so the link and the back button keep it.
 */
export function AdminEnrollmentsPage() {
  const { t } = useI18n();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((value) => value === params.get('status')) ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const query = useQuery({
    queryKey: [...enrollmentsKey, 'admin', { status, page }] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<Enrollment>>(`/api/enrollments${queryString({ status, page, pageSize: 25 })}`, { signal }),
    placeholderData: keepPreviousData,
  });
  const go = (next: { status?: string; page?: number }) => {
    const search = new URLSearchParams();
    const nextStatus = next.status ?? status;
    if (nextStatus !== '') {
      search.set('status', nextStatus);
    }
    if ((next.page ?? 1) > 1) {
      search.set('page', String(next.page));
    }
    setParams(search);
  };

  return (
    <section className="page">
      <PageHeading title={t('enrollments.title')}>{t('enrollments.title')}</PageHeading>
      <div className="list-filters">
        <SelectField
          name="enrollmentStatus"
          label={t('enrollments.status')}
          value={status}
          options={[{ value: '', label: t('common.all') }, ...STATUSES.map((value) => ({ value, label: t(`enrollment.status.${value}`) }))]}
          onChange={(event) => go({ status: event.target.value, page: 1 })}
        />
      </div>
      {query.data ? (
        <p className="muted" aria-live="polite" data-testid="enrollments-count">
          {t('users.count', { count: query.data.totalCount })}
        </p>
      ) : null}
      <PagedList query={query} empty={t('enrollments.empty')} onPage={(next) => go({ page: next })}>
        {(items) => (
          <ScrollRegion label={t('enrollments.title')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('enrollments.student')}</th>
                  <th scope="col">{t('enrollments.subject')}</th>
                  <th scope="col">{t('enrollments.teacher')}</th>
                  <th scope="col">{t('enrollments.status')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((enrollment) => (
                  <tr key={enrollment.id} data-enrollment={enrollment.id}>
                    <td>{enrollment.student.fullName}</td>
                    <td>{enrollment.subject.name}</td>
                    <td>{enrollment.teacher.fullName}</td>
                    <td data-status={enrollment.status}>{t(`enrollment.status.${enrollment.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </PagedList>
    </section>
  );
}
