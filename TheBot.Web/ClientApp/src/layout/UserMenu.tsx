import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { LogOut, MonitorSmartphone, UserRound } from 'lucide-react';
import type { AuthUser } from '../auth/types';
import { useI18n } from '../i18n/I18nContext';
import { Avatar } from '../ui/Avatar';

/**
 * The signed-in person in the header: their avatar (with name and role where there is room) opening a small menu with
 * the profile, devices and signing out. It closes on every choice, on Escape and on a tap outside.
 */
export function UserMenu({ user, onSignOut }: { user: AuthUser; onSignOut: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) {
      return;
    }
    const onPointer = (event: PointerEvent) => {
      if (root.current !== null && !root.current.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <Avatar id={user.id} name={user.fullName} src={user.avatarUrl} />
        <span className="user">
          <span className="user__name">{user.fullName}</span>
          <span className="user__role">{t(`role.${user.role}`)}</span>
        </span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <div className="user-menu__who">
          <Avatar id={user.id} name={user.fullName} size="lg" src={user.avatarUrl} />
          <div>
            <p className="user-menu__name">{user.fullName}</p>
            <p className="user-menu__email muted">{t('account.signedInAs', { email: user.email })}</p>
          </div>
        </div>
        <ul className="user-menu__items">
          <li>
            <Link to="/profile" className="user-menu__item" onClick={() => setOpen(false)}>
              <UserRound className="icon" size={20} aria-hidden="true" focusable="false" />
              {t('nav.profile')}
            </Link>
          </li>
          <li>
            <Link to="/sessions" className="user-menu__item" onClick={() => setOpen(false)}>
              <MonitorSmartphone className="icon" size={20} aria-hidden="true" focusable="false" />
              {t('nav.sessions')}
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="user-menu__item"
              onClick={() => {
                setOpen(false);
                onSignOut();
              }}
            >
              <LogOut className="icon" size={20} aria-hidden="true" focusable="false" />
              {t('signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
