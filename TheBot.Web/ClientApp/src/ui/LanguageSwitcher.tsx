import { useI18n } from '../i18n/I18nContext';
import { LANGUAGES } from '../i18n/language';

/** Русский / English, as a pair of toggle buttons; each name is written in its own language. */
export function LanguageSwitcher() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="language-switcher__option"
          aria-pressed={language === option}
          onClick={() => setLanguage(option)}
        >
          {/* On a phone the header shows "EN"/"RU"; the button's name stays the language's own name. */}
          <span className="language-switcher__long">{t(`language.${option}`)}</span>
          <span className="language-switcher__short" aria-hidden="true">
            {option.toUpperCase()}
          </span>
        </button>
      ))}
    </div>
  );
}
