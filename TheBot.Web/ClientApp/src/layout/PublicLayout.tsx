import { Link, NavLink, Outlet } from 'react-router';
import { useI18n } from '../i18n/I18nContext';
import { LanguageSwitcher } from '../ui/LanguageSwitcher';
import { BrandMark } from '../ui/BrandMark';
import { UpdatePrompt } from '../pwa/UpdatePrompt';

/** Pages for people who are not signed in: sign in, apply, application status. */
export function PublicLayout() {
  const { t } = useI18n();
  return (
    <div className="public">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="public__header">
        <Link to="/" className="brand">
          <BrandMark />
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </Link>
        <nav aria-label={t('nav.main')} className="public__nav">
          <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
          <NavLink to="/apply">{t('nav.apply')}</NavLink>
        </nav>
        <LanguageSwitcher />
      </header>
      <main id="main" className="public__main" tabIndex={-1}>
        <UpdatePrompt />
        <Outlet />
      </main>
    </div>
  );
}
