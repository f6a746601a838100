import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { deviceTimeZone, displayTimeZone } from '../format/timeZone';
import { loadCatalogue, loadedCatalogue } from './catalogues';
import { I18nContext, type I18n } from './I18nContext';
import { DEFAULT_LANGUAGE, pickLanguage, type Language } from './language';
import { readChosen, rememberChosen } from './languageChoice';
import { en } from './messages/en';
import { createTranslator } from './translate';

const locales: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU' };

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
  const wanted = pickLanguage({ profile: profileLanguage, chosen, browser: navigator.languages });
  // A language whose texts are still on their way: the screen stays in the one it shows until they arrive.
  const [shown, setShown] = useState<Language>(() => (loadedCatalogue(wanted) ? wanted : DEFAULT_LANGUAGE));
  useEffect(() => {
    let current = true;
    loadCatalogue(wanted).then(
      () => current && setShown(wanted),
      () => undefined, // offline before it was ever fetched: the fallback language stays
    );
    return () => {
      current = false;
    };
  }, [wanted]);
  const language = loadedCatalogue(wanted) ? wanted : shown;

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
    // The zone and the formatters are worked out on first use: the first date formatter a page builds costs tens of
    // milliseconds on a phone (the time-zone data), and the public pages show no times at all.
    let zone: string | undefined;
    const timeZone = () => (zone ??= displayTimeZone(profileTimeZone));
    const format = (options: Intl.DateTimeFormatOptions) => {
      let formatter: Intl.DateTimeFormat | undefined;
      return (input: string | number | Date) => {
        const date = input instanceof Date ? input : new Date(input);
        if (Number.isNaN(date.getTime())) {
          return String(input);
        }
        formatter ??= new Intl.DateTimeFormat(locales[language], { ...options, timeZone: timeZone() });
        return formatter.format(date);
      };
    };
    return {
      language,
      t: createTranslator({ en, ru: loadedCatalogue('ru') ?? en }, language),
      setLanguage,
      get timeZone() {
        return timeZone();
      },
      get timeZoneDiffers() {
        return timeZone() !== deviceTimeZone();
      },
      formatDateTime: format({ dateStyle: 'medium', timeStyle: 'short' }),
      formatTime: format({ hour: '2-digit', minute: '2-digit' }),
    };
  }, [language, setLanguage, profileTimeZone]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
