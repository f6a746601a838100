import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';

/**
 * The page's h1. It names the browser tab and takes focus when the page opens, so that keyboard and
 * screen-reader users land on the new page rather than on the link they followed.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);

  return (
    <h1 className="page-heading" tabIndex={-1} ref={heading}>
      {children}
    </h1>
  );
}
