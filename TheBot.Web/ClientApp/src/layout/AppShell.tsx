import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Ellipsis, X } from 'lucide-react';
import { navigationFor } from '../app/featureRoutes';
import { useAuth } from '../auth/useAuth';
import { useI18n } from '../i18n/I18nContext';
import { LanguageSwitcher } from '../ui/LanguageSwitcher';
import { useChatUnread } from '../features/chat/useChatUnread';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { PaymentSandboxBanner } from '../features/health/PaymentSandboxBanner';
import { RealtimeIndicator } from './RealtimeIndicator';
import { TimeZoneNote } from '../ui/TimeZoneNote';
import { BrandMark } from '../ui/BrandMark';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { NavIcon } from './navIcons';
import { UserMenu } from './UserMenu';

/** How many of the role's pages the phone's bottom bar shows before "More". */
const BOTTOM_BAR_PAGES = 4;

/**
 * The signed-in frame. Desktop: a header (brand, live status, bell, language, the user's menu), the role's pages in a
 * side bar, the page. Phone: the same header in one row, the role's first pages in a bottom bar with "More" opening
 * the full list as a sheet that closes on every tap.
 */
export function AppShell() {
  const { t } = useI18n();
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const chatUnread = useChatUnread(user !== null);

  // On a phone the menu covers the page: close it once a link was followed.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  useEffect(() => {
    if (!menuOpen) {
      return;
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setMenuOpen(false);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  if (user === null) {
    return null;
  }

  const onSignOut = async () => {
    await signOut();
    void navigate('/sign-in', { replace: true });
  };
  const pages = navigationFor(user.role);
  const unreadBadge = (path: string) =>
    path === '/chat' && chatUnread > 0 ? (
      <span className="badge badge--count nav__badge" data-unread={chatUnread}>
        {chatUnread}
        <span className="visually-hidden"> {t('chat.unread')}</span>
      </span>
    ) : null;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="shell__header">
        <Link to="/dashboard" className="brand">
          <BrandMark />
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        <div className="shell__tools">
          <RealtimeIndicator />
          <NotificationBell />
          <LanguageSwitcher />
          <UserMenu user={user} onSignOut={() => void onSignOut()} />
        </div>
      </header>
      <nav id="main-nav" className={menuOpen ? 'shell__nav shell__nav--open' : 'shell__nav'} aria-label={t('nav.main')}>
        <ul>
          {pages.map((item) => (
            <li key={item.path}>
              {/* Tapping the page already open changes no path: close the phone menu on every tap. */}
              <NavLink to={item.path} onClick={() => setMenuOpen(false)}>
                <NavIcon path={item.path} />
                <span className="nav__label">{t(item.label)}</span>
                {unreadBadge(item.path)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {menuOpen ? <div className="shell__backdrop" aria-hidden="true" onClick={() => setMenuOpen(false)} /> : null}
      <nav className="bottom-nav" aria-label={t('nav.quick')}>
        <ul>
          {pages.slice(0, BOTTOM_BAR_PAGES).map((item) => (
            <li key={item.path}>
              <NavLink to={item.path} className="bottom-nav__item" onClick={() => setMenuOpen(false)}>
                <NavIcon path={item.path} />
                <span className="bottom-nav__label">{t(item.label)}</span>
                {unreadBadge(item.path)}
              </NavLink>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="bottom-nav__item"
              aria-expanded={menuOpen}
              aria-controls="main-nav"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {menuOpen ? (
                <X className="icon" size={20} aria-hidden="true" focusable="false" />
              ) : (
                <Ellipsis className="icon" size={20} aria-hidden="true" focusable="false" />
              )}
              <span className="bottom-nav__label">{t('nav.more')}</span>
            </button>
          </li>
        </ul>
      </nav>
      <main id="main" className="shell__main" tabIndex={-1}>
        <UpdatePrompt />
        <PaymentSandboxBanner role={user.role} />
        <TimeZoneNote />
        <Outlet />
      </main>
    </div>
  );
}
