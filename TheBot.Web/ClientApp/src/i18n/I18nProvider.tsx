import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { deviceTimeZone, displayTimeZone } from '../format/timeZone';
import { I18nContext, type I18n } from './I18nContext';
import { pickLanguage, type Language } from './language';
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

export interface I18nProviderProps {
  children: ReactNode;
  /** The signed-in user's saved language, which wins over this device's choice; null when signed out. */
  profileLanguage?: string | null | undefined;
  /** Called when the user switches language (to save it to the profile when signed in). */
  onChoose?: ((language: Language) => void) | undefined;
  /** The signed-in user's profile time zone, which every time on screen is shown in; null when signed out. */
  profileTimeZone?: string | null | undefined;
}

export function I18nProvider({ children, profileLanguage = null, onChoose, profileTimeZone = null }: I18nProviderProps) {
  const [chosen, setChosen] = useState<string | null>(readChosen);
  const language = pickLanguage({ profile: profileLanguage, chosen, browser: navigator.languages });

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback(
    (next: Language) => {
      rememberChosen(next);
      setChosen(next);
      onChoose?.(next);
    },
    [onChoose],
  );

  const value = useMemo<I18n>(() => {
    const timeZone = displayTimeZone(profileTimeZone);
    const dateTime = new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short', timeZone });
    const time = new Intl.DateTimeFormat(locales[language], { hour: '2-digit', minute: '2-digit', timeZone });
    const format = (formatter: Intl.DateTimeFormat) => (input: string | number | Date) => {
      const date = input instanceof Date ? input : new Date(input);
      return Number.isNaN(date.getTime()) ? String(input) : formatter.format(date);
    };
    return {
      language,
      t: createTranslator(catalogues, language),
      setLanguage,
      timeZone,
      timeZoneDiffers: timeZone !== deviceTimeZone(),
      formatDateTime: format(dateTime),
      formatTime: format(time),
    };
  }, [language, setLanguage, profileTimeZone]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
