import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18n } from './I18nContext';
import { isLanguage, pickLanguage, type Language } from './language';
import { en } from './messages/en';
import { ru } from './messages/ru';
import { createTranslator } from './translate';

const STORAGE_KEY = 'thebot.language';
const catalogues = { en, ru } as const;
const locales: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU' };

function readChosen(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function rememberChosen(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    pickLanguage({ chosen: readChosen(), browser: navigator.languages }),
  );

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    rememberChosen(next);
    setLanguageState(next);
  }, []);

  const adoptProfileLanguage = useCallback((profile: string | null | undefined) => {
    if (!isLanguage(readChosen()) && isLanguage(profile)) {
      setLanguageState(profile);
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const dateTime = new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' });
    return {
      language,
      t: createTranslator(catalogues, language),
      setLanguage,
      adoptProfileLanguage,
      formatDateTime: (input) => {
        const date = input instanceof Date ? input : new Date(input);
        return Number.isNaN(date.getTime()) ? String(input) : dateTime.format(date);
      },
    };
  }, [language, setLanguage, adoptProfileLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
