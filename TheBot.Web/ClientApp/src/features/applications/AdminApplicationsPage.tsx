import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { Pager } from '../../ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { SelectField } from '../../ui/SelectField';
import { OneTimeSecret } from '../../ui/OneTimeSecret';
import { adminApplicationsQuery, type ApprovedApplication } from './adminApplicationsApi';
import { ApplicationReview } from './ApplicationReview';

const STATES = ['pending', 'approved', 'rejected'] as const;

/** Sign-up applications, newest first; pending ones by default. */
export function AdminApplicationsPage() {
  const { t } = useI18n();
  const api = useApi();
  const [status, setStatus] = useState('pending');
  const [page, setPage] = useState(1);
  const [approved, setApproved] = useState<ApprovedApplication | null>(null);
  const query = useQuery({ ...adminApplicationsQuery(api, { status, page }), placeholderData: keepPreviousData });

  return (
    <section className="page">
      <PageHeading title={t('applications.title')}>{t('applications.title')}</PageHeading>
      {approved ? (
        <div className="panel">
          <p className="alert alert--success" role="status">
            {t('applications.approved', { email: approved.email, role: t(`role.${approved.role}`) })}
          </p>
          <OneTimeSecret label={t('applications.initialPassword')} value={approved.initialPassword} />
        </div>
      ) : null}
      <div className="toolbar">
        <SelectField
          name="applicationStatusFilter"
          label={t('applicationStatus.status')}
          placeholder={t('common.all')}
          options={STATES.map((value) => ({ value, label: t(`applicationStatus.status.${value}`) }))}
          value={status}
          onChange={(event) => {
            setStatus(event.target.value);
            setPage(1);
          }}
        />
      </div>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        query.data.items.length === 0 ? (
          <EmptyState message={t('applications.empty')} />
        ) : (
          <>
            <ul className="card-list">
              {query.data.items.map((application) => (
                <ApplicationReview key={application.id} application={application} onApproved={setApproved} />
              ))}
            </ul>
            <Pager page={query.data.page} totalPages={query.data.totalPages} onPage={setPage} />
          </>
        )
      ) : null}
    </section>
  );
}
