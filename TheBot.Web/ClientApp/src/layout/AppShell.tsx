import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { navigationFor } from '../app/featureRoutes';
import { useAuth } from '../auth/useAuth';
import { useI18n } from '../i18n/I18nContext';
import { LanguageSwitcher } from '../ui/LanguageSwitcher';
import { useChatUnread } from '../features/chat/useChatUnread';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { PaymentSandboxBanner } from '../features/health/PaymentSandboxBanner';
import { RealtimeIndicator } from './RealtimeIndicator';
import { TimeZoneNote } from '../ui/TimeZoneNote';

/** The signed-in frame: header with the user and language, navigation for the user's role, the page. */
export function AppShell() {
  const { t } = useI18n();
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const chatUnread = useChatUnread(user !== null);

  // On a phone the menu covers the page: close it once a link was followed.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  if (user === null) {
    return null;
  }

  const onSignOut = async () => {
    await signOut();
    void navigate('/sign-in', { replace: true });
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="shell__header">
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="menu-button__icon" aria-hidden="true" />
          <span className="visually-hidden">{t('nav.menu')}</span>
        </button>
        <Link to="/dashboard" className="brand">
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        <div className="shell__tools">
          <RealtimeIndicator />
          <NotificationBell />
          <LanguageSwitcher />
          <span className="user">
            <span className="user__name">{user.fullName}</span>
            <span className="user__role">{t(`role.${user.role}`)}</span>
          </span>
          <button type="button" className="button button--secondary button--small" onClick={() => void onSignOut()}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <nav id="main-nav" className={menuOpen ? 'shell__nav shell__nav--open' : 'shell__nav'} aria-label={t('nav.main')}>
        <ul>
          {navigationFor(user.role).map((item) => (
            <li key={item.path}>
              {/* Tapping the page already open changes no path: close the phone menu on every tap. */}
              <NavLink to={item.path} onClick={() => setMenuOpen(false)}>
                {t(item.label)}
                {item.label === 'nav.chat' && chatUnread > 0 ? (
                  <span className="badge badge--count nav__badge" data-unread={chatUnread}>
                    {chatUnread}
                    <span className="visually-hidden"> {t('chat.unread')}</span>
                  </span>
                ) : null}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="shell__main" tabIndex={-1}>
        <PaymentSandboxBanner role={user.role} />
        <TimeZoneNote />
        <Outlet />
      </main>
    </div>
  );
}
