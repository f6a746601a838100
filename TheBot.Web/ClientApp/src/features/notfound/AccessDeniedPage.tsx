import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';

/** A page the signed-in person's role may not open: what happened, why, and the ways back. */
export function AccessDeniedPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  return (
    <section className="page access-denied" data-testid="access-denied">
      <PageHeading title={t('accessDenied.title')}>{t('accessDenied.title')}</PageHeading>
      <p>{user !== null ? t('accessDenied.body', { role: t(`role.${user.role}`) }) : t('error.forbidden')}</p>
      <p>{t('accessDenied.help')}</p>
      <p className="actions">
        <Link className="button" to="/dashboard">
          {t('accessDenied.dashboard')}
        </Link>
        {window.history.length > 1 ? (
          <button type="button" className="button button--secondary" onClick={() => void navigate(-1)}>
            {t('accessDenied.back')}
          </button>
        ) : null}
      </p>
    </section>
  );
}
