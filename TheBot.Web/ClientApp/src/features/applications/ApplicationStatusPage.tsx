import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/ApiError';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeading } from '../../ui/PageHeading';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { applicationQuery, type ApplicationStatus } from './applicationsApi';
import { Detail } from '../../ui/Detail';

/** Where an applicant follows their application, by the token in the link they were given. */
export function ApplicationStatusPage() {
  const { t } = useI18n();
  const api = useApi();
  const { token = '' } = useParams();
  const location = useLocation();
  const justSubmitted = (location.state as { justSubmitted?: boolean } | null)?.justSubmitted === true;
  const query = useQuery(applicationQuery(api, token));

  return (
    <section className="card card--narrow">
      <PageHeading title={t('applicationStatus.title')}>{t('applicationStatus.title')}</PageHeading>
      {justSubmitted ? <FormAlert tone="success" message={t('applicationStatus.submitted')} /> : null}
      <p>{t('applicationStatus.keepLink')}</p>
      <p className="tracking-link">
        <code>{window.location.origin + location.pathname}</code>
      </p>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? (
        isApiError(query.error) && query.error.status === 404 ? (
          <p className="alert alert--error" role="alert">
            {t('applicationStatus.notFound')}
          </p>
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : null}
      {query.isSuccess ? <ApplicationDetails application={query.data} /> : null}
      <p className="card__footer">
        <Link to="/sign-in">{t('nav.signIn')}</Link>
      </p>
    </section>
  );
}

function ApplicationDetails({ application }: { application: ApplicationStatus }) {
  const { t, formatDateTime } = useI18n();
  return (
    <>
      <dl className="details">
        <dt>{t('applicationStatus.status')}</dt>
        <dd>
          <span className={`badge badge--${application.status}`} data-status={application.status}>
            {t(`applicationStatus.status.${application.status}`)}
          </span>
        </dd>
        <dt>{t('applicationStatus.fullName')}</dt>
        <dd>{application.fullName}</dd>
        <dt>{t('applicationStatus.desiredRole')}</dt>
        <dd>{t(`role.${application.desiredRole}`)}</dd>
        <dt>{t('applicationStatus.createdAt')}</dt>
        <dd>{formatDateTime(application.createdAt)}</dd>
        {application.decidedAt ? (
          <Detail term={t('applicationStatus.decidedAt')}>{formatDateTime(application.decidedAt)}</Detail>
        ) : null}
        <Detail term={t('applicationStatus.decisionNote')}>{application.decisionNote}</Detail>
      </dl>
      {application.status === 'approved' ? <p>{t('applicationStatus.approvedHint')}</p> : null}
    </>
  );
}
