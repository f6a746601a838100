import { useI18n } from '../i18n/I18nContext';

/** A password the server shows only once: displayed with a warning to hand it over now. */
export function OneTimeSecret({ label, value }: { label: string; value: string }) {
  const { t } = useI18n();
  return (
    <div className="secret" role="status">
      <p className="secret__label">{label}</p>
      <p>
        <code className="secret__value">{value}</code>
      </p>
      <p className="field__hint">{t('common.shownOnce')}</p>
    </div>
  );
}
