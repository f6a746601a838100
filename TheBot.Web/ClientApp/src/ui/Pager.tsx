import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useI18n } from '../i18n/I18nContext';

/** Previous / next for a paged list, with "page 2 of 5". Hidden when everything fits on one page. */
export function Pager({ page, totalPages, onPage }: { page: number; totalPages: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  if (totalPages <= 1) {
    return null;
  }
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button type="button" className="button button--secondary button--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <ChevronLeft className="icon" size={18} aria-hidden="true" focusable="false" />
        {t('pager.previous')}
      </button>
      <span className="pager__position">{t('pager.position', { page, total: totalPages })}</span>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={page >= totalPages}
        onClick={() => onPage(page + 1)}
      >
        {t('pager.next')}
        <ChevronRight className="icon" size={18} aria-hidden="true" focusable="false" />
      </button>
    </nav>
  );
}
