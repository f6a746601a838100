import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { PagedList } from '../../ui/PagedList';
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
        <div className="panel" data-approved={approved.email}>
          <p className="alert alert--success" role="status">
            {t('applications.approved', { email: approved.email, role: t(`role.${approved.role}`) })}
          </p>
          <OneTimeSecret label={t('applications.initialPasswordFor', { email: approved.email })} value={approved.initialPassword} />
          {approved.parent ? (
            <>
              <p>{t('applications.approvedParent', { name: approved.parent.fullName, email: approved.parent.email })}</p>
              <OneTimeSecret label={t('applications.initialPasswordFor', { email: approved.parent.email })} value={approved.parent.initialPassword} />
            </>
          ) : null}
          <p className="field__hint">{t('applications.emailed')}</p>
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
      <PagedList query={query} empty={t('applications.empty')} onPage={setPage}>
        {(items) => (
          <ul className="card-list">
            {items.map((application) => (
              <ApplicationReview key={application.id} application={application} onApproved={setApproved} />
            ))}
          </ul>
        )}
      </PagedList>
    </section>
  );
}
