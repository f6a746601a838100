import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { ChangePasswordForm } from './ChangePasswordForm';
import { AvatarPanel } from './AvatarPanel';
import { profileDetailsQuery, profileQuery, type Profile } from './profileApi';
import { RoleDetailsForm } from './RoleDetailsForm';
import { TelegramLinkPanel } from './TelegramLinkPanel';

export function ProfilePage() {
  const { t } = useI18n();
  const api = useApi();
  const query = useQuery(profileQuery(api));
  const details = useQuery(profileDetailsQuery(api));

  return (
    <section className="page">
      <PageHeading title={t('profile.title')}>{t('profile.title')}</PageHeading>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? <ProfileDetails profile={query.data} /> : null}
      {details.isError ? <ErrorState error={details.error} onRetry={() => void details.refetch()} /> : null}
      {details.isSuccess ? (
        <>
          <AvatarPanel profile={details.data} />
          <RoleDetailsForm profile={details.data} />
        </>
      ) : null}
      <TelegramLinkPanel />
      <ChangePasswordForm />
    </section>
  );
}

function ProfileDetails({ profile }: { profile: Profile }) {
  const { t } = useI18n();
  const notSet = <span className="muted">{t('common.notSet')}</span>;
  return (
    <div className="panel">
      <dl className="details">
        <dt>{t('profile.fullName')}</dt>
        <dd>{profile.fullName}</dd>
        <dt>{t('profile.email')}</dt>
        <dd>{profile.email}</dd>
        <dt>{t('profile.role')}</dt>
        <dd>{t(`role.${profile.role}`)}</dd>
        <dt>{t('profile.phone')}</dt>
        <dd>{profile.phone || notSet}</dd>
        <dt>{t('profile.timeZone')}</dt>
        <dd>{profile.timeZone || notSet}</dd>
        <dt>{t('profile.language')}</dt>
        <dd>{profile.language === 'ru' ? t('language.ru') : t('language.en')}</dd>
      </dl>
    </div>
  );
}
